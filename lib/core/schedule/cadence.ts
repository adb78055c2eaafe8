/**
 * Report cadence (调度频次) and report periods.
 *
 * Period keys are stable strings stored with each progress report:
 *   WEEKLY    → ISO week of the Shanghai calendar day, '2024-W07' (weeks start Monday; the
 *               week-year can differ from the calendar year around New Year, e.g. 2024-12-30
 *               is '2025-W01')
 *   MONTHLY   → '2024-03'
 *   MILESTONE → 'milestone' (reports follow the task's nodes, not the calendar)
 */

import {
  dayNumberFromYmd,
  isoWeekday,
  shanghaiDayNumber,
  ymdFromDayNumber,
  type DayNumber,
} from '@/lib/core/schedule/calendar-day';
import type { TaskStatus } from '@/lib/core/workflow/task-status';

export const REPORT_CADENCES = ['WEEKLY', 'MONTHLY', 'MILESTONE'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

export const CADENCE_LABELS: Record<ReportCadence, string> = {
  WEEKLY: '周调度',
  MONTHLY: '月报',
  MILESTONE: '按节点',
};

export const MILESTONE_PERIOD_KEY = 'milestone';

export type ParsedPeriodKey =
  | { cadence: 'WEEKLY'; year: number; week: number }
  | { cadence: 'MONTHLY'; year: number; month: number }
  | { cadence: 'MILESTONE' };

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Monday of ISO week 1: the week containing 4 January. */
function isoWeekOneMonday(weekYear: number): DayNumber {
  const jan4 = dayNumberFromYmd(weekYear, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

function isoWeekOf(day: DayNumber): { year: number; week: number } {
  // The ISO week belongs to the year that contains its Thursday.
  const thursday = day - isoWeekday(day) + 4;
  const year = ymdFromDayNumber(thursday).year;
  const week = Math.floor((thursday - isoWeekOneMonday(year)) / 7) + 1;
  return { year, week };
}

function isoWeeksInYear(year: number): number {
  // 28 December is always in the last ISO week of its year.
  return isoWeekOf(dayNumberFromYmd(year, 12, 28)).week;
}

function keyForDay(cadence: ReportCadence, day: DayNumber): string {
  switch (cadence) {
    case 'WEEKLY': {
      const { year, week } = isoWeekOf(day);
      return `${year}-W${pad2(week)}`;
    }
    case 'MONTHLY': {
      const { year, month } = ymdFromDayNumber(day);
      return `${year}-${pad2(month)}`;
    }
    case 'MILESTONE':
      return MILESTONE_PERIOD_KEY;
  }
}

/** The period (in `cadence`) containing the Shanghai calendar day of `date`. */
export function periodKey(cadence: ReportCadence, date: Date): string {
  return keyForDay(cadence, shanghaiDayNumber(date));
}

/** Parses a period key; null for anything malformed (e.g. week 54, month 13). */
export function parsePeriodKey(key: string): ParsedPeriodKey | null {
  if (key === MILESTONE_PERIOD_KEY) return { cadence: 'MILESTONE' };
  const week = WEEK_KEY.exec(key);
  if (week) {
    const year = Number(week[1]);
    const weekNo = Number(week[2]);
    if (weekNo < 1 || weekNo > isoWeeksInYear(year)) return null;
    return { cadence: 'WEEKLY', year, week: weekNo };
  }
  const month = MONTH_KEY.exec(key);
  if (month) {
    const year = Number(month[1]);
    const monthNo = Number(month[2]);
    if (monthNo < 1 || monthNo > 12) return null;
    return { cadence: 'MONTHLY', year, month: monthNo };
  }
  return null;
}

/** Chinese label: '2024年第7周', '2024年3月', '按节点'. Unknown keys are shown as-is. */
export function periodLabel(key: string): string {
  const parsed = parsePeriodKey(key);
  if (!parsed) return key;
  switch (parsed.cadence) {
    case 'WEEKLY':
      return `${parsed.year}年第${parsed.week}周`;
    case 'MONTHLY':
      return `${parsed.year}年${parsed.month}月`;
    case 'MILESTONE':
      return CADENCE_LABELS.MILESTONE;
  }
}

export interface PeriodDays {
  firstDay: DayNumber;
  lastDay: DayNumber;
}

/** Inclusive day range of a weekly or monthly period; null for milestone or malformed keys. */
export function periodDays(key: string): PeriodDays | null {
  const parsed = parsePeriodKey(key);
  if (!parsed) return null;
  switch (parsed.cadence) {
    case 'WEEKLY': {
      const firstDay = isoWeekOneMonday(parsed.year) + (parsed.week - 1) * 7;
      return { firstDay, lastDay: firstDay + 6 };
    }
    case 'MONTHLY':
      return {
        firstDay: dayNumberFromYmd(parsed.year, parsed.month, 1),
        // Day 0 of the next month is the last day of this one.
        lastDay: dayNumberFromYmd(parsed.year, parsed.month + 1, 0),
      };
    case 'MILESTONE':
      return null;
  }
}

export function currentPeriod(cadence: ReportCadence, today: Date): string {
  return periodKey(cadence, today);
}

/** The period just before the current one; null for milestone cadence (no calendar periods). */
export function previousPeriod(cadence: ReportCadence, today: Date): string | null {
  if (cadence === 'MILESTONE') return null;
  const current = periodDays(periodKey(cadence, today));
  if (!current) return null;
  return keyForDay(cadence, current.firstDay - 1);
}

/** Reports are owed while the task is being worked on; not once closure is requested or granted. */
const REPORTING_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'];

export interface ReportMissedInput {
  cadence: ReportCadence;
  /** Task start (交办) date. */
  start: Date;
  today: Date;
  /** Period keys that have at least one progress report. */
  reportedPeriodKeys: Iterable<string>;
  status: TaskStatus;
}

/**
 * True when the previous full period has no report. A period only counts if it lies wholly
 * on or after the task's start day, so a task assigned mid-week owes nothing for that week.
 * Milestone cadence never misses by the calendar.
 */
export function isReportMissed(input: ReportMissedInput): boolean {
  if (input.cadence === 'MILESTONE' || !REPORTING_STATUSES.includes(input.status)) return false;
  const previous = previousPeriod(input.cadence, input.today);
  const days = previous === null ? null : periodDays(previous);
  if (previous === null || days === null) return false;
  if (days.firstDay < shanghaiDayNumber(input.start)) return false;
  for (const key of input.reportedPeriodKeys) {
    if (key === previous) return false;
  }
  return true;
}
