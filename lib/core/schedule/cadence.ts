/**
 * Report cadences (调度频次): one registry, `CADENCES`, says for each cadence its label, how its
 * period keys are written and read, and so which period comes before the current one. The report
 * rule (`missedReportPeriod`), the report form's choices, the SQL light
 * (lib/server/tasks/light-sql.ts) and the dashboards all read the registry, so a new cadence is one
 * entry here plus its migration (the `ReportCadence` enum value in schema.prisma and SQL).
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
  isoWeekOfDay,
  isoWeekStart,
  isoWeeksInYear,
  shanghaiDayNumber,
  ymdFromDayNumber,
  type DayNumber,
} from '@/lib/core/schedule/calendar-day';
import type { TaskStatus } from '@/lib/core/workflow/task-status';

export interface PeriodDays {
  firstDay: DayNumber;
  lastDay: DayNumber;
}

/** One period read back from its key. */
export interface CalendarPeriod extends PeriodDays {
  /** The key's numeric parts, e.g. { year: 2024, week: 7 }. */
  parts: Record<string, number>;
  /** '2024年第7周' */
  label: string;
}

/** How a calendar cadence cuts time into periods. */
export interface CalendarPeriods {
  /** The key of the period containing `day`. */
  keyOf(day: DayNumber): string;
  /** The period of a key of this cadence; null for another cadence's key or a malformed one. */
  read(key: string): CalendarPeriod | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const WEEKS: CalendarPeriods = {
  keyOf(day) {
    const { year, week } = isoWeekOfDay(day);
    return `${year}-W${pad2(week)}`;
  },
  read(key) {
    const match = /^(\d{4})-W(\d{2})$/.exec(key);
    if (!match) return null;
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    const firstDay = isoWeekStart(year, week);
    return { parts: { year, week }, firstDay, lastDay: firstDay + 6, label: `${year}年第${week}周` };
  },
};

const MONTHS: CalendarPeriods = {
  keyOf(day) {
    const { year, month } = ymdFromDayNumber(day);
    return `${year}-${pad2(month)}`;
  },
  read(key) {
    const match = /^(\d{4})-(\d{2})$/.exec(key);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    // Day 0 of the next month is the last day of this one.
    return { parts: { year, month }, firstDay: dayNumberFromYmd(year, month, 1), lastDay: dayNumberFromYmd(year, month + 1, 0), label: `${year}年${month}月` };
  },
};

export const MILESTONE_PERIOD_KEY = 'milestone';

/** The registry. `periods: null` means reports follow the task's nodes, not the calendar, and are never owed by date. */
export const CADENCES = {
  WEEKLY: { label: '周调度', periods: WEEKS },
  MONTHLY: { label: '月报', periods: MONTHS },
  MILESTONE: { label: '按节点', periods: null },
} as const satisfies Record<string, { label: string; periods: CalendarPeriods | null }>;

/** Values match the Prisma `ReportCadence` enum. */
export type ReportCadence = keyof typeof CADENCES;
export const REPORT_CADENCES = Object.keys(CADENCES) as [ReportCadence, ...ReportCadence[]];
export type CalendarCadence = { [C in ReportCadence]: (typeof CADENCES)[C]['periods'] extends null ? never : C }[ReportCadence];
export function isCalendarCadence(cadence: ReportCadence): cadence is CalendarCadence {
  return CADENCES[cadence].periods !== null;
}
export const CALENDAR_CADENCES = REPORT_CADENCES.filter(isCalendarCadence);

export const CADENCE_LABELS = Object.fromEntries(REPORT_CADENCES.map((c) => [c, CADENCES[c].label])) as Record<ReportCadence, string>;

function calendarPeriods(cadence: ReportCadence): CalendarPeriods | null {
  return CADENCES[cadence].periods;
}

/** The period (in `cadence`) containing the Shanghai calendar day of `date`. */
export function periodKey(cadence: ReportCadence, date: Date): string {
  return calendarPeriods(cadence)?.keyOf(shanghaiDayNumber(date)) ?? MILESTONE_PERIOD_KEY;
}

export type ParsedPeriodKey = { cadence: ReportCadence } & Record<string, number | string>;

function readPeriodKey(key: string): { cadence: CalendarCadence; period: CalendarPeriod } | null {
  for (const cadence of CALENDAR_CADENCES) {
    const period = CADENCES[cadence].periods.read(key);
    if (period) return { cadence, period };
  }
  return null;
}

/** Parses a period key into its cadence and parts; null for anything malformed (e.g. week 54, month 13). */
export function parsePeriodKey(key: string): ParsedPeriodKey | null {
  if (key === MILESTONE_PERIOD_KEY) return { cadence: 'MILESTONE' };
  const read = readPeriodKey(key);
  return read && { cadence: read.cadence, ...read.period.parts };
}

/** Chinese label: '2024年第7周', '2024年3月', '按节点'. Unknown keys are shown as-is. */
export function periodLabel(key: string): string {
  if (key === MILESTONE_PERIOD_KEY) return CADENCES.MILESTONE.label;
  return readPeriodKey(key)?.period.label ?? key;
}

/** Inclusive day range of a calendar period; null for milestone or malformed keys. */
export function periodDays(key: string): PeriodDays | null {
  const read = readPeriodKey(key);
  return read && { firstDay: read.period.firstDay, lastDay: read.period.lastDay };
}

export function currentPeriod(cadence: ReportCadence, today: Date): string {
  return periodKey(cadence, today);
}

/** The period just before the current one; null for a cadence without calendar periods. */
export function previousPeriod(cadence: ReportCadence, today: Date): string | null {
  const periods = calendarPeriods(cadence);
  if (!periods) return null;
  const current = periods.read(periods.keyOf(shanghaiDayNumber(today)))!;
  return periods.keyOf(current.firstDay - 1);
}

/** Reports are owed while the task is being worked on; not once closure is requested or granted. */
export const REPORTING_STATUSES = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'] as const satisfies readonly TaskStatus[];

export interface LastReportInput {
  status: TaskStatus;
  cadence: ReportCadence;
  startDate: Date;
  /** When the lead unit last reported (Task.lastReportAt). */
  lastReportAt: Date | null;
  today: Date;
}

/**
 * The due rule: the period whose report is missing, or null. The previous full period is owed if it
 * lies wholly on or after the start day (a task assigned mid-week owes nothing for that week) and
 * no lead-unit report was filed on or after its first day (filing late for it counts). The SQL
 * light (`taskReportMissedSql`) is this rule for every calendar cadence, so a task shows the same
 * colour in the list and on its page. A cadence without calendar periods never misses by date.
 */
export function missedReportPeriod(input: LastReportInput): string | null {
  if (!(REPORTING_STATUSES as readonly TaskStatus[]).includes(input.status)) return null;
  const previous = previousPeriod(input.cadence, input.today);
  const days = previous === null ? null : periodDays(previous);
  if (previous === null || days === null || days.firstDay < shanghaiDayNumber(input.startDate)) return null;
  if (input.lastReportAt !== null && shanghaiDayNumber(input.lastReportAt) >= days.firstDay) return null;
  return previous;
}
