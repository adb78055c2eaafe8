/**
 * Calendar days in the county's time zone (Asia/Shanghai).
 *
 * Every schedule rule (序时进度, deadlines, reminders, report periods) counts whole
 * calendar days as a Chinese office sees them, not UTC days. China has used a fixed
 * UTC+8 offset with no daylight saving since 1991, so a constant offset is exact for
 * every date this app handles and avoids depending on the runtime's ICU time-zone data.
 *
 * Both common storage conventions land on the intended day: a date-only value stored as
 * UTC midnight (Prisma `@db.Date` → 2024-06-30T00:00Z is 08:00 in Shanghai) and a value
 * stored as Shanghai midnight (2024-06-29T16:00Z is 00:00 on 2024-06-30 in Shanghai).
 */

/** A calendar day as an integer: days since 1970-01-01 (day 0 was a Thursday). */
export type DayNumber = number;

export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Asia/Shanghai calendar day that contains `instant`. */
export function shanghaiDayNumber(instant: Date): DayNumber {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效日期');
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Day number of a proleptic-Gregorian year/month(1–12)/day; out-of-range parts roll over like Date. */
export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function ymdFromDayNumber(dayNumber: DayNumber): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 'YYYY-MM-DD' for a year, month (1–12) and day, as given (no validation). */
export function isoDateFromYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' for a day number. */
export function isoDateFromDayNumber(dayNumber: DayNumber): string {
  const { year, month, day } = ymdFromDayNumber(dayNumber);
  return isoDateFromYmd(year, month, day);
}

/** 'YYYY-MM-DD' of the Asia/Shanghai calendar day containing `instant`. */
export function shanghaiIsoDate(instant: Date): string {
  return isoDateFromDayNumber(shanghaiDayNumber(instant));
}

/** The Asia/Shanghai calendar year containing `instant`. */
export function shanghaiYear(instant: Date): number {
  return ymdFromDayNumber(shanghaiDayNumber(instant)).year;
}

/** Parses a strict 'YYYY-MM-DD' (rejecting impossible dates such as 2023-02-29). */
export function dayNumberFromIsoDate(isoDate: string): DayNumber {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = dayNumberFromYmd(year, month, day);
  const roundTrip = ymdFromDayNumber(dayNumber);
  if (roundTrip.year !== year || roundTrip.month !== month || roundTrip.day !== day) {
    throw new RangeError(`日期不存在：${isoDate}`);
  }
  return dayNumber;
}

/** ISO weekday of a day number: Monday = 1 … Sunday = 7. */
export function isoWeekday(dayNumber: DayNumber): number {
  // Day 0 (1970-01-01) was a Thursday (4).
  return (((dayNumber + 3) % 7) + 7) % 7 + 1;
}
