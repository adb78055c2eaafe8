import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { isoDateFromDayNumber, shanghaiDayNumber, SHANGHAI_UTC_OFFSET_MINUTES, type DayNumber } from '@/lib/core/schedule/calendar-day';
import { periodDays, previousPeriod } from '@/lib/core/schedule/cadence';
import { SCHEDULE_SETTINGS } from '@/lib/core/schedule/progress';

/**
 * The first instant (Shanghai midnight) of a calendar day as 'YYYY-MM-DD HH:MM:SS.mmm' in UTC — how
 * Prisma stores a DateTime in a `timestamp(3)` column — for comparisons such as `::timestamp`.
 */
export function utcTimestampOfShanghaiMidnight(day: DayNumber): string {
  const instant = new Date(day * 86_400_000 - SHANGHAI_UTC_OFFSET_MINUTES * 60_000);
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** First day of the previous full period of a calendar cadence (MILESTONE has none). */
function previousPeriodStart(cadence: 'WEEKLY' | 'MONTHLY', today: Date): DayNumber {
  const key = previousPeriod(cadence, today);
  const days = key === null ? null : periodDays(key);
  if (!days) throw new Error(`no previous ${cadence} period`);
  return days.firstDay;
}

/**
 * SQL condition: the "Task" row `t` has missed its last report on the Shanghai day of `today` —
 * status ASSIGNED/ACKNOWLEDGED/IN_PROGRESS, cadence WEEKLY (previous ISO week) or MONTHLY (previous
 * month), that period starts on/after the start date, and `lastReportAt` is null or before the
 * period's first Shanghai midnight. (The pure `isReportMissed` looks at report period keys; here any
 * report since the previous period began counts, which is what filing late for it looks like.)
 */
export function taskReportMissedSql(today: Date): Prisma.Sql {
  const missedSince = (start: DayNumber) =>
    Prisma.sql`(t."startDate" <= ${isoDateFromDayNumber(start)}::date
      AND (t."lastReportAt" IS NULL OR t."lastReportAt" < ${utcTimestampOfShanghaiMidnight(start)}::timestamp))`;
  return Prisma.sql`(t."status" IN ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS') AND (
      (t."cadence" = 'WEEKLY' AND ${missedSince(previousPeriodStart('WEEKLY', today))})
      OR (t."cadence" = 'MONTHLY' AND ${missedSince(previousPeriodStart('MONTHLY', today))})))`;
}

/**
 * SQL expression for the 三色 light of a "Task" row aliased `t` on the Asia/Shanghai calendar day
 * of `today`: 'done' | 'red' | 'yellow' | 'green'. It is the pure `trafficLight` of
 * lib/schedule/progress.ts written in SQL (tests/integration/light-sql.test.ts checks they agree):
 *
 *   done   status = CLOSED
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

  const startDay = Prisma.sql`LEAST(t."startDate", t."deadline")`;
  const totalDays = Prisma.sql`(t."deadline" - ${startDay} + 1)`;
  const elapsedDays = Prisma.sql`(${todayIso}::date - ${startDay} + 1)`;
  const expected = Prisma.sql`(CASE
      WHEN ${elapsedDays} <= 0 THEN 0::float8
      WHEN ${elapsedDays} >= ${totalDays} THEN 100::float8
      ELSE floor(((${elapsedDays} * 100)::float8 / ${totalDays}::float8) * 100 + 0.5) / 100
    END)`;
  const lag = Prisma.sql`(floor((${expected} - t."progressPercent") * 100 + 0.5) / 100)`;

  return Prisma.sql`(CASE
    WHEN t."status" = 'CLOSED' THEN 'done'
    WHEN t."deadline" < ${todayIso}::date OR ${lag} >= ${redLagPoints} THEN 'red'
    WHEN t."deadline" - ${todayIso}::date <= ${dueSoonDays} OR ${lag} >= ${yellowLagPoints} OR ${taskReportMissedSql(today)} THEN 'yellow'
    ELSE 'green'
  END)`;
}

/** The Shanghai calendar day of `today` (plus `offsetDays`) as a `@db.Date` value (UTC midnight), for Prisma filters. */
export function shanghaiDbDate(today: Date, offsetDays = 0): Date {
  return new Date((shanghaiDayNumber(today) + offsetDays) * 86_400_000);
}
