import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { LIGHT_FIGURES_SQL, tasksAtDayEndSql } from '@/lib/server/dashboard/month-lights-sql';
import { dayOfDbDate, isoDateFromDayNumber, shanghaiDayNumber, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';
import { trendMonths, type TrendMonth } from '@/lib/core/schedule/trend-months';

/**
 * Counts one month of the trend for the office and every leader in one pass over the year's tasks
 * (a leader's tasks are their 'leader' rows of "TaskScopeMember", the same set as taskScopeSql), a
 * leader without tasks at zero; then a scope gone since (a leader no longer a leader) loses its row.
 * No transaction around the two: the upsert alone replaces every row read (6 s a month at 1M tasks,
 * past Prisma's transaction timeout).
 */
async function countMonth(year: number, point: TrendMonth, countedAt: Date): Promise<void> {
  const tasks = tasksAtDayEndSql({ year, asOfDay: point.asOfDay, scope: Prisma.sql`TRUE` });
  await db.$executeRaw(Prisma.sql`
      WITH s AS MATERIALIZED ${tasks},
      counts AS (
        SELECT 'all'::text AS "scopeKind", ''::text AS "scopeId", ${LIGHT_FIGURES_SQL} FROM s
        UNION ALL
        SELECT m."scopeKind", m."scopeId", ${LIGHT_FIGURES_SQL}
        FROM s JOIN "TaskScopeMember" m ON m."taskId" = s."id" AND m."scopeKind" = 'leader' GROUP BY 1, 2
      ),
      scopes AS (
        SELECT 'all'::text AS "scopeKind", ''::text AS "scopeId"
        UNION ALL SELECT 'leader', u."id" FROM "User" u WHERE u."role" = 'LEADER'
      )
      INSERT INTO "MonthLightFigures" ("scopeKind", "scopeId", "year", "month", "asOfDay", "red", "yellow", "green", "closed", "countedAt")
      SELECT sc."scopeKind", sc."scopeId", ${year}, ${point.month}, ${isoDateFromDayNumber(point.asOfDay)}::date,
        COALESCE(c."red", 0), COALESCE(c."yellow", 0), COALESCE(c."green", 0), COALESCE(c."closed", 0), ${countedAt}
      FROM scopes sc LEFT JOIN counts c ON c."scopeKind" = sc."scopeKind" AND c."scopeId" = sc."scopeId"
      ON CONFLICT ("scopeKind", "scopeId", "year", "month") DO UPDATE SET "asOfDay" = EXCLUDED."asOfDay",
        "red" = EXCLUDED."red", "yellow" = EXCLUDED."yellow", "green" = EXCLUDED."green", "closed" = EXCLUDED."closed",
        "countedAt" = EXCLUDED."countedAt"`);
  await db.monthLightFigures.deleteMany({ where: { year, month: point.month, countedAt: { lt: countedAt } } });
}

/**
 * The scheduled job 'month-lights': counts the working year's trend (or `year`'s) into
 * "MonthLightFigures" as of `now`. The running month on every run; a closed month when it has no
 * count of its last day, and again once a day, since a corrected past report or date changes it.
 * Idempotent: a second run recounts the running month only.
 */
export async function recordMonthLights({ now = new Date(), year }: { now?: Date; year?: number } = {}): Promise<{ months: number }> {
  const countYear = year ?? (await getInstallationSettings()).workingYear;
  const today = shanghaiDayNumber(now);
  const startOfToday = shanghaiMidnight(today);
  const counted = await db.monthLightFigures.findMany({
    where: { scopeKind: 'all', scopeId: '', year: countYear },
    select: { month: true, asOfDay: true, countedAt: true },
  });
  let months = 0;
  for (const point of trendMonths(countYear, today)) {
    const row = counted.find((r) => r.month === point.month);
    const countedToday = row && row.countedAt >= startOfToday && dayOfDbDate(row.asOfDay) === point.asOfDay;
    if (!point.running && countedToday) continue;
    await countMonth(countYear, point, now);
    months += 1;
  }
  return { months };
}
