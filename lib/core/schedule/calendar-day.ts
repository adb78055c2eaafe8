/**
 * The county's calendar (Asia/Shanghai): the one place that turns instants into calendar days and
 * back, and does date arithmetic. Everything else counts in `DayNumber`s or calls these functions.
 *
 * Every schedule rule (序时进度, deadlines, reminders, report periods) counts whole calendar days as
 * a Chinese office sees them, not UTC days. Time-zone conversion is date-fns with @date-fns/tz;
 * arithmetic on whole days (weeks, months, ISO weeks) is date-fns on UTC midnights, where every
 * day is exactly `DAY_MS` long.
 *
 * Both common storage conventions land on the intended day: a date-only value stored as UTC
 * midnight (Prisma `@db.Date` → 2024-06-30T00:00Z is 08:00 in Shanghai) and a value stored as
 * Shanghai midnight (2024-06-29T16:00Z is 00:00 on 2024-06-30 in Shanghai).
 */

import { tz, tzOffset } from '@date-fns/tz';
import { addDays, format, getISODay, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeekYear } from 'date-fns';

/** A calendar day as an integer: days since 1970-01-01 (day 0 was a Thursday). */
export type DayNumber = number;

export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

/** The length of a day in the day-number encoding (UTC days; JavaScript time has no leap seconds). */
export const DAY_MS = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const IN_SHANGHAI = { in: tz(COUNTY_TIME_ZONE) };
const IN_UTC = { in: tz('UTC') };

/** UTC midnight of a day: how a `@db.Date` column holds it, and the date-fns value for whole-day arithmetic. */
export function dbDateOfDay(day: DayNumber): Date {
  return new Date(day * DAY_MS);
}

/** The day a `@db.Date` value holds: dbDateOfDay's inverse. */
export function dayOfDbDate(date: Date): DayNumber {
  return Math.floor(date.getTime() / DAY_MS);
}

const HOUR_MS = 3_600_000;
/** Local mean time (+8:05:43) ended at 15:54:17 UTC on 1900-12-31; every later change fell on a whole UTC hour. */
const WHOLE_HOUR_CHANGES_FROM = Date.UTC(1901, 0, 1);
const offsetByUtcHour = new Map<number, number>();

/**
 * Asia/Shanghai's offset from UTC in minutes at `ms`, from the time-zone database, kept per UTC hour
 * since 1901: each change of the zone's offset since then (summer time, the last in 1991) fell on a
 * whole UTC hour (a test checks it). The database's Intl call costs ~3 µs, which a page paid hundreds of times.
 */
export function shanghaiOffsetMinutes(ms: number): number {
  if (ms < WHOLE_HOUR_CHANGES_FROM) return tzOffset(COUNTY_TIME_ZONE, new Date(ms));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= 10_000) offsetByUtcHour.clear();
    offset = tzOffset(COUNTY_TIME_ZONE, new Date(hour * HOUR_MS));
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/** The Asia/Shanghai calendar day that contains `instant`. */
export function shanghaiDayNumber(instant: Date): DayNumber {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效日期');
  return Math.floor((ms + shanghaiOffsetMinutes(ms) * 60_000) / DAY_MS);
}

/** The first instant of a calendar day in Shanghai (its midnight). */
export function shanghaiMidnight(day: DayNumber): Date {
  // The wall clock's midnight less the offset in force then, found in two steps. Where summer time
  // began at midnight (the 1940s) the clocks skipped 00:00 and this gives the instant they jumped to
  // 01:00, as TZDate does; a test compares the two on every day from 1850 to 2100.
  const wallMidnight = day * DAY_MS;
  const offset = shanghaiOffsetMinutes(wallMidnight - shanghaiOffsetMinutes(wallMidnight) * 60_000);
  return new Date(wallMidnight - offset * 60_000);
}

/** `instant` on the Shanghai wall clock in a date-fns `format` pattern, e.g. 'yyyy-MM-dd HH:mm'. */
export function formatInShanghai(instant: Date, pattern: string): string {
  return format(instant, pattern, IN_SHANGHAI);
}

/** Day number of a proleptic-Gregorian year/month(1–12)/day; out-of-range parts roll over like Date. */
export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return dayOfDbDate(d);
}

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function ymdFromDayNumber(dayNumber: DayNumber): CalendarDate {
  const d = dbDateOfDay(dayNumber);
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
  return getISODay(dbDateOfDay(dayNumber), IN_UTC);
}

/** The ISO week (weeks start Monday; the week-year can differ from the calendar year around New Year). */
export function isoWeekOfDay(dayNumber: DayNumber): { year: number; week: number } {
  const date = dbDateOfDay(dayNumber);
  return { year: getISOWeekYear(date, IN_UTC), week: getISOWeek(date, IN_UTC) };
}

/** 52 or 53. */
export function isoWeeksInYear(weekYear: number): number {
  // 28 December is always in the last ISO week of its year.
  return getISOWeeksInYear(dbDateOfDay(dayNumberFromYmd(weekYear, 12, 28)), IN_UTC);
}

/** The Monday that starts ISO week `week` of `weekYear`. */
export function isoWeekStart(weekYear: number, week: number): DayNumber {
  const weekOne = startOfISOWeekYear(dbDateOfDay(dayNumberFromYmd(weekYear, 1, 4)), IN_UTC);
  return dayOfDbDate(addDays(weekOne, (week - 1) * 7, IN_UTC));
}
