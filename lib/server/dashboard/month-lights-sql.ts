import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { utcTimestampOfShanghaiMidnight, taskExpectedProgressSql } from '@/lib/server/tasks/light-sql';
import { isoDateFromDayNumber, shanghaiMidnight, type DayNumber } from '@/lib/core/schedule/calendar-day';
import { SCHEDULE_SETTINGS } from '@/lib/core/schedule/progress';

export type LightFigures = { red: number; yellow: number; green: number; closed: number };

/**
 * Every task of `year` in `scope` (a condition on "Task" t) that existed at the end of day `asOfDay`
 * and was not cancelled by then, as rows ("id", closed, red, yellow) of its light at that time:
 * closed by then, else red (overdue, or lagging ≥ 30 points), yellow (due within 7 days, or lagging
 * ≥ 10) or green, the lag measured against the percent last reported by then. (Missed reports and
 * target-derived progress are not kept by date, so a past day's light leaves them out.)
 */
export function tasksAtDayEndSql({ year, asOfDay, scope }: { year: number; asOfDay: DayNumber; scope: Prisma.Sql }): Prisma.Sql {
  const end = utcTimestampOfShanghaiMidnight(asOfDay + 1);
  const dayIso = isoDateFromDayNumber(asOfDay);
  const { redLagPoints, yellowLagPoints, dueSoonDays } = SCHEDULE_SETTINGS;
  const expected = taskExpectedProgressSql(shanghaiMidnight(asOfDay));
  return Prisma.sql`(
    SELECT t."id", (t."closedAt" IS NOT NULL AND t."closedAt" < ${end}::timestamp) AS closed,
      (t."deadline" < ${dayIso}::date OR l.lag >= ${redLagPoints}) AS red,
      (t."deadline" - ${dayIso}::date <= ${dueSoonDays} OR l.lag >= ${yellowLagPoints}) AS yellow
    FROM "Task" t
    LEFT JOIN LATERAL (
      SELECT p."percent" FROM "ProgressReport" p
      WHERE p."taskId" = t."id" AND p."unitId" = t."leadUnitId" AND p."createdAt" < ${end}::timestamp
      ORDER BY p."createdAt" DESC LIMIT 1
    ) r ON TRUE
    CROSS JOIN LATERAL (SELECT floor((${expected} - COALESCE(r."percent", 0)) * 100 + 0.5) / 100 AS lag) l
    WHERE t."year" = ${year} AND t."createdAt" < ${end}::timestamp
      AND NOT (t."status" = 'CANCELLED' AND (t."cancelledAt" IS NULL OR t."cancelledAt" < ${end}::timestamp))
      AND ${scope})`;
}

/** The LightFigures of rows `s` of tasksAtDayEndSql, as a select list. */
export const LIGHT_FIGURES_SQL = Prisma.sql`count(*) FILTER (WHERE s.closed)::int AS "closed",
  count(*) FILTER (WHERE NOT s.closed AND s.red)::int AS "red",
  count(*) FILTER (WHERE NOT s.closed AND NOT s.red AND s.yellow)::int AS "yellow",
  count(*) FILTER (WHERE NOT s.closed AND NOT s.red AND NOT s.yellow)::int AS "green"`;
