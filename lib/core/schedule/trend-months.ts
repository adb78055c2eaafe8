import { dayNumberFromYmd, ymdFromDayNumber, type DayNumber } from './calendar-day';

/** One point of a year's monthly trend: the month and the day its figures stand at. */
export type TrendMonth = {
  month: number;
  /** The month's last day, or today for the running month. */
  asOfDay: DayNumber;
  /** The month still running: its figures change every day until it ends. */
  running: boolean;
};

/**
 * The months a year's trend shows on `today`: every month of a past year, the months up to today's
 * of the current year (the running month as of today), none of a year still to come.
 */
export function trendMonths(year: number, today: DayNumber): TrendMonth[] {
  const current = ymdFromDayNumber(today);
  if (year > current.year) return [];
  const lastMonth = year === current.year ? current.month : 12;
  return Array.from({ length: lastMonth }, (_, index) => {
    const month = index + 1;
    const running = year === current.year && month === current.month;
    return { month, asOfDay: running ? today : dayNumberFromYmd(year, month + 1, 0), running };
  });
}

/**
 * Whether figures counted as of `countedDay` may stand for this trend month: a closed month only
 * when they were counted at its last day; the running month when counted on one of its days up to
 * today (the scheduled count is a trend point, not a live figure).
 */
export function countServesTrendMonth(point: TrendMonth, countedDay: DayNumber): boolean {
  if (!point.running) return countedDay === point.asOfDay;
  const counted = ymdFromDayNumber(countedDay);
  const today = ymdFromDayNumber(point.asOfDay);
  return counted.year === today.year && counted.month === today.month && countedDay <= point.asOfDay;
}
