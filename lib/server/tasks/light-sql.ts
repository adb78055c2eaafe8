import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { dbDateOfDay, isoDateFromDayNumber, shanghaiDayNumber, shanghaiMidnight, type DayNumber } from '@/lib/core/schedule/calendar-day';
import { CALENDAR_CADENCES, REPORTING_STATUSES, periodDays, previousPeriod } from '@/lib/core/schedule/cadence';
import { SCHEDULE_SETTINGS } from '@/lib/core/schedule/progress';

/**
 * The first instant (Shanghai midnight) of a calendar day as 'YYYY-MM-DD HH:MM:SS.mmm' in UTC — how
 * Prisma stores a DateTime in a `timestamp(3)` column — for comparisons such as `::timestamp`.
 */
export function utcTimestampOfShanghaiMidnight(day: DayNumber): string {
  return shanghaiMidnight(day).toISOString().replace('T', ' ').replace('Z', '');
}

// The condition depends only on the day, and finding the previous periods (ISO weeks through
// date-fns/tz) cost ~3 ms of CPU per progress report, a fifth of the write: kept per day.
const reportMissedSqlByDay = new Map<DayNumber, Prisma.Sql>();

/**
 * SQL condition: the "Task" row `t` has missed its last report on the Shanghai day of `today` — the
 * due rule of `missedReportPeriod` (lib/core/schedule/cadence.ts) for every calendar cadence of the
 * registry: a reporting status, the previous full period starts on/after the start date, and
 * `lastReportAt` is null or before that period's first Shanghai midnight.
 */
export function taskReportMissedSql(today: Date): Prisma.Sql {
  const day = shanghaiDayNumber(today);
  const kept = reportMissedSqlByDay.get(day);
  if (kept) return kept;
  const owed = CALENDAR_CADENCES.map((cadence) => {
    const start = periodDays(previousPeriod(cadence, today)!)!.firstDay;
    return Prisma.sql`(t."cadence" = ${cadence}::"ReportCadence" AND t."startDate" <= ${isoDateFromDayNumber(start)}::date
      AND (t."lastReportAt" IS NULL OR t."lastReportAt" < ${utcTimestampOfShanghaiMidnight(start)}::timestamp))`;
  });
  const sql = Prisma.sql`(t."status" IN (${Prisma.join(REPORTING_STATUSES.map((status) => Prisma.sql`${status}::"TaskStatus"`))}) AND (${Prisma.join(owed, ' OR ')}))`;
  if (reportMissedSqlByDay.size >= 8) reportMissedSqlByDay.clear();
  reportMissedSqlByDay.set(day, sql);
  return sql;
}

/**
 * SQL expression for the 三色 light of a "Task" row aliased `t` on the Asia/Shanghai calendar day
 * of `today`: 'done' | 'red' | 'yellow' | 'green'. It is the pure `trafficLight` of
 * lib/schedule/progress.ts written in SQL (tests/integration/light-sql.test.ts checks they agree):
 *
 *   done       status = CLOSED
 *   cancelled  status = CANCELLED (counted nowhere: see task-figures-sql.ts)
 *   red    deadline day < today (overdue), or lag ≥ 30 points
 *   yellow deadline within 7 days (deadline day included), or lag ≥ 10 points, or a missed report
 *   green  otherwise
 *
 * lag = round2(expected − progressPercent), expected = 序时进度 by `expectedProgress` (inclusive
 * day range [min(start, deadline), deadline]); the arithmetic is float8 with JavaScript's
 * Math.round emulated as floor(x + 0.5), so thresholds tip on exactly the same values.
 *
 * Missed report: see `taskReportMissedSql`.
 *
 * Parameters are only dates derived from `today`, so the expression costs a few comparisons per row
 * and can sit in SELECT, WHERE, GROUP BY or ORDER BY, e.g.
 *   Prisma.sql`SELECT ${taskLightSql(today)} AS light, count(*) FROM "Task" t GROUP BY 1`
 */
export function taskLightSql(today: Date): Prisma.Sql {
  const todayDay = shanghaiDayNumber(today);
  const todayIso = isoDateFromDayNumber(todayDay);
  const { redLagPoints, yellowLagPoints, dueSoonDays } = SCHEDULE_SETTINGS;

  const expected = taskExpectedProgressSql(today);
  const lag = Prisma.sql`(floor((${expected} - t."progressPercent") * 100 + 0.5) / 100)`;

  return Prisma.sql`(CASE
    WHEN t."status" = 'CLOSED' THEN 'done'
    WHEN t."status" = 'CANCELLED' THEN 'cancelled'
    WHEN t."deadline" < ${todayIso}::date OR ${lag} >= ${redLagPoints} THEN 'red'
    WHEN t."deadline" - ${todayIso}::date <= ${dueSoonDays} OR ${lag} >= ${yellowLagPoints} OR ${taskReportMissedSql(today)} THEN 'yellow'
    ELSE 'green'
  END)`;
}

/**
 * SQL expression for the 序时进度 (0–100, float8) of a "Task" row aliased `t` on the Shanghai day of
 * `today`: the pure `expectedProgress` (inclusive day range [min(start, deadline), deadline]) in SQL.
 */
export function taskExpectedProgressSql(today: Date): Prisma.Sql {
  const todayIso = isoDateFromDayNumber(shanghaiDayNumber(today));
  const startDay = Prisma.sql`LEAST(t."startDate", t."deadline")`;
  const totalDays = Prisma.sql`(t."deadline" - ${startDay} + 1)`;
  const elapsedDays = Prisma.sql`(${todayIso}::date - ${startDay} + 1)`;
  return Prisma.sql`(CASE
      WHEN ${elapsedDays} <= 0 THEN 0::float8
      WHEN ${elapsedDays} >= ${totalDays} THEN 100::float8
      ELSE floor(((${elapsedDays} * 100)::float8 / ${totalDays}::float8) * 100 + 0.5) / 100
    END)`;
}

/** The Shanghai calendar day of `today` (plus `offsetDays`) as a `@db.Date` value (UTC midnight), for Prisma filters. */
export function shanghaiDbDate(today: Date, offsetDays = 0): Date {
  return dbDateOfDay(shanghaiDayNumber(today) + offsetDays);
}
