import { CADENCES, type ReportCadence } from '@/lib/core/schedule/cadence';
import type { DayNumber } from '@/lib/core/schedule/calendar-day';

const PERIOD_CACHE_LIMIT = 20_000;
const periodsByDay = new Map<string, { key: string; firstDay: DayNumber; lastDay: DayNumber }>();

/**
 * The period of `cadence` containing `day`. Reading the calendar (ISO weeks above all) is slow date
 * arithmetic, done for every period of every task of a year; the walk below visits mostly the same
 * first days of periods, so each is read once.
 */
function periodOf(cadence: ReportCadence, day: DayNumber) {
  const cacheKey = `${cadence}|${day}`;
  const known = periodsByDay.get(cacheKey);
  if (known) return known;
  const periods = CADENCES[cadence].periods!;
  const key = periods.keyOf(day);
  const { firstDay, lastDay } = periods.read(key)!;
  if (periodsByDay.size >= PERIOD_CACHE_LIMIT) periodsByDay.clear();
  const period = { key, firstDay, lastDay };
  periodsByDay.set(cacheKey, period);
  return period;
}

/**
 * Report periods a task owed and never reported, for the 未按期报送 deduction: every calendar period
 * of its cadence that starts on or after the start day and ended before `untilDay` (the assessment
 * date, or the day reporting stopped because closure was asked), with no report filed for its key.
 * Milestone tasks owe nothing by date.
 */
export function missedReportPeriods(input: {
  cadence: ReportCadence;
  startDay: DayNumber;
  untilDay: DayNumber;
  reportedKeys: ReadonlySet<string>;
}): string[] {
  if (!CADENCES[input.cadence].periods) return [];
  const missed: string[] = [];
  let day = input.startDay;
  while (day < input.untilDay) {
    const period = periodOf(input.cadence, day);
    if (period.firstDay >= input.startDay && period.lastDay < input.untilDay && !input.reportedKeys.has(period.key)) missed.push(period.key);
    day = period.lastDay + 1;
  }
  return missed;
}
