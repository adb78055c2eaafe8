import 'server-only';
import { LRUCache } from 'lru-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { scopeMemberKey, taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { LIGHT_FIGURES_SQL, tasksAtDayEndSql, type LightFigures } from '@/lib/server/dashboard/month-lights-sql';
import { dayOfDbDate, shanghaiDayNumber, type DayNumber } from '@/lib/core/schedule/calendar-day';
import { countServesTrendMonth, trendMonths } from '@/lib/core/schedule/trend-months';

export type MonthLights = LightFigures & { month: string };

/** The scopes the scheduled job counts ("MonthLightFigures"): the office's and each leader's, whose homes show the trend. */
function countedTrendScope(user: SessionUser): { scopeKind: 'all' | 'leader'; scopeId: string } | null {
  if (can(user, 'task.viewAll')) return { scopeKind: 'all', scopeId: '' };
  const member = scopeMemberKey(user);
  return member?.kind === 'leader' ? { scopeKind: 'leader', scopeId: member.id } : null;
}

async function countLightsAt(user: SessionUser, year: number, asOfDay: DayNumber): Promise<LightFigures> {
  const [row] = await db.$queryRaw<LightFigures[]>(
    Prisma.sql`SELECT ${LIGHT_FIGURES_SQL} FROM ${tasksAtDayEndSql({ year, asOfDay, scope: taskScopeSql(user) })} s`,
  );
  return row ?? { red: 0, yellow: 0, green: 0, closed: 0 };
}

// A month the job has not counted yet (a fresh installation, the hour after midnight on a month's
// first day, a scope it does not count) is counted here, a scan of the year's tasks (4.4 s for the
// office at 1M tasks), and kept a while: a closed month for an hour, the running month for a minute.
// Past its time a month is still served while one recount runs (lru-cache's stale-while-revalidate),
// so only the first request for a month waits. Per process; the counted table is the shared copy.
const CLOSED_MONTH_TTL_MS = 60 * 60_000;
const RUNNING_MONTH_TTL_MS = 60_000;
type MonthCount = { user: SessionUser; year: number; asOfDay: DayNumber };
const monthCache = new LRUCache<string, LightFigures, MonthCount>({
  max: 5_000,
  allowStale: true,
  noDeleteOnStaleGet: true,
  allowStaleOnFetchRejection: true,
  fetchMethod: (_key, _stale, { context }) => countLightsAt(context.user, context.year, context.asOfDay),
});

async function cachedLightsAt(user: SessionUser, year: number, asOfDay: DayNumber, ttl: number): Promise<LightFigures> {
  // The scope follows the user's role, unit and 分管 units, all of which the id and role pin down within the TTL.
  const key = `${user.id}|${user.role}|${user.unitId ?? ''}|${year}|${asOfDay}`;
  const lights = await monthCache.fetch(key, { context: { user, year, asOfDay }, ttl });
  return lights ?? (await countLightsAt(user, year, asOfDay));
}

/**
 * The year's months up to now (the whole year for a past year): red / yellow / green / closed counts of
 * the year's tasks in the user's scope at each month's end (the running month: as last counted today,
 * by the hourly job), from "MonthLightFigures" where the job counted them, else counted here alike.
 */
export async function getMonthlyLightTrend({ user, year, today = new Date() }: { user: SessionUser; year: number; today?: Date }): Promise<MonthLights[]> {
  const points = trendMonths(year, shanghaiDayNumber(today));
  if (points.length === 0) return [];
  const scope = countedTrendScope(user);
  const counted = scope
    ? await db.monthLightFigures.findMany({
        where: { ...scope, year },
        select: { month: true, asOfDay: true, red: true, yellow: true, green: true, closed: true },
      })
    : [];
  return Promise.all(
    points.map(async (point) => {
      const row = counted.find((r) => r.month === point.month && countServesTrendMonth(point, dayOfDbDate(r.asOfDay)));
      const lights = row
        ? { red: row.red, yellow: row.yellow, green: row.green, closed: row.closed }
        : await cachedLightsAt(user, year, point.asOfDay, point.running ? RUNNING_MONTH_TTL_MS : CLOSED_MONTH_TTL_MS);
      return { month: `${point.month}月`, ...lights };
    }),
  );
}
