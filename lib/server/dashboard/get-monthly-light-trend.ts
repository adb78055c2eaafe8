import 'server-only';
import { LRUCache } from 'lru-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { taskExpectedProgressSql, utcTimestampOfShanghaiMidnight } from '@/lib/server/tasks/light-sql';
import { dayNumberFromYmd, isoDateFromDayNumber, shanghaiDayNumber, shanghaiMidnight, ymdFromDayNumber } from '@/lib/core/schedule/calendar-day';
import { SCHEDULE_SETTINGS } from '@/lib/core/schedule/progress';

export type MonthLights = { month: string; red: number; yellow: number; green: number; closed: number };

/**
 * One past month's lights as they stood at its last day, for the tasks in the user's scope that
 * existed then: closed by then, else red (overdue, or lagging ≥ 30 points), yellow (due within 7
 * days, or lagging ≥ 10) or green, the lag measured against the percent last reported by then.
 * (Missed reports and target-derived progress are not kept by date, so the past months leave them out.)
 */
async function monthEndLights(user: SessionUser, year: number, lastDay: number): Promise<Omit<MonthLights, 'month'>> {
  const end = utcTimestampOfShanghaiMidnight(lastDay + 1);
  const dayIso = isoDateFromDayNumber(lastDay);
  const { redLagPoints, yellowLagPoints, dueSoonDays } = SCHEDULE_SETTINGS;
  const expected = taskExpectedProgressSql(shanghaiMidnight(lastDay));
  const [row] = await db.$queryRaw<Omit<MonthLights, 'month'>[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE s.closed)::int AS "closed",
      count(*) FILTER (WHERE NOT s.closed AND s.red)::int AS "red",
      count(*) FILTER (WHERE NOT s.closed AND NOT s.red AND s.yellow)::int AS "yellow",
      count(*) FILTER (WHERE NOT s.closed AND NOT s.red AND NOT s.yellow)::int AS "green"
    FROM (
      SELECT (t."closedAt" IS NOT NULL AND t."closedAt" < ${end}::timestamp) AS closed,
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
        AND ${taskScopeSql(user)}
    ) s`);
  return row ?? { red: 0, yellow: 0, green: 0, closed: 0 };
}

// A closed month's figures only change when a past report or date is corrected, and each costs a
// scan of the year's tasks (4.4 s for the office at 1M tasks): the homes keep them for a while
// instead of recounting up to eleven months on every request. The running month is kept for a
// minute: a trend point, not a live count (the homes' light counts are live). Past its time a month
// is still served while one recount runs (lru-cache's stale-while-revalidate), so only the first
// request for a month waits for its count, never a page after it. Per process and derived, so
// several servers may each hold their own; concurrent requests share one count.
const CLOSED_MONTH_TTL_MS = 60 * 60_000;
const RUNNING_MONTH_TTL_MS = 60_000;
type MonthCount = { user: SessionUser; year: number; lastDay: number };
const monthCache = new LRUCache<string, Omit<MonthLights, 'month'>, MonthCount>({
  max: 5_000,
  allowStale: true,
  noDeleteOnStaleGet: true,
  allowStaleOnFetchRejection: true,
  fetchMethod: (_key, _stale, { context }) => monthEndLights(context.user, context.year, context.lastDay),
});

async function cachedMonthLights(user: SessionUser, year: number, lastDay: number, ttl: number) {
  // The scope follows the user's role, unit and 分管 units, all of which the id and role pin down within the TTL.
  const key = `${user.id}|${user.role}|${user.unitId ?? ''}|${year}|${lastDay}`;
  const lights = await monthCache.fetch(key, { context: { user, year, lastDay }, ttl });
  return lights ?? (await monthEndLights(user, year, lastDay));
}

/**
 * The year's months up to now (the whole year for a past year): red / yellow / green / closed counts of
 * the year's tasks in the user's scope at each month's end (the current month: today), counted alike.
 */
export async function getMonthlyLightTrend({ user, year, today = new Date() }: { user: SessionUser; year: number; today?: Date }): Promise<MonthLights[]> {
  const todayDay = shanghaiDayNumber(today);
  const current = ymdFromDayNumber(todayDay);
  if (year > current.year) return [];
  const lastMonth = year === current.year ? current.month : 12;
  const monthNumbers = Array.from({ length: lastMonth }, (_, index) => index + 1);
  return Promise.all(
    monthNumbers.map(async (month) => {
      const isCurrentMonth = year === current.year && month === current.month;
      const lastDay = isCurrentMonth ? todayDay : dayNumberFromYmd(year, month + 1, 0);
      const lights = await cachedMonthLights(user, year, lastDay, isCurrentMonth ? RUNNING_MONTH_TTL_MS : CLOSED_MONTH_TTL_MS);
      return { month: `${month}月`, ...lights };
    }),
  );
}
