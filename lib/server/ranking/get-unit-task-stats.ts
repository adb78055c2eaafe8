import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { utcTimestampOfShanghaiMidnight } from '@/lib/server/tasks/light-sql';
import { taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { COUNTED_TASK_SQL, figureColumnsSql, figureCountsSql } from '@/lib/server/dashboard/task-figures-sql';
import { summarizedUnitFigures } from '@/lib/server/dashboard/task-figure-summary';
import { shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import type { UnitTaskStats } from '@/lib/core/ranking/score-units';

type UnitFigures = Omit<UnitTaskStats, 'unitName' | 'sortOrder'>;

/** The units whose figures a user gets: `own` = unitScopeWhere, `county` = all (needs `ranking.view`). */
export async function loadFigureUnits({ user, scope }: { user: SessionUser; scope: 'own' | 'county' }) {
  if (scope === 'county' && !can(user, 'ranking.view')) throw forbidden('查看单位排名');
  return db.unit.findMany({
    where: scope === 'county' ? {} : unitScopeWhere(user),
    select: { id: true, shortName: true, sortOrder: true },
    orderBy: { sortOrder: 'asc' },
  });
}

/** Every unit in directory order with its figures; units without tasks get zeros. */
export function unitTaskStats(units: Awaited<ReturnType<typeof loadFigureUnits>>, rows: UnitFigures[]): UnitTaskStats[] {
  const byUnit = new Map(rows.map((row) => [row.unitId, row]));
  return units.map((unit) => {
    const row = byUnit.get(unit.id);
    return {
      unitId: unit.id,
      unitName: unit.shortName,
      sortOrder: unit.sortOrder,
      total: row?.total ?? 0,
      red: row?.red ?? 0,
      yellow: row?.yellow ?? 0,
      green: row?.green ?? 0,
      done: row?.done ?? 0,
      closed: row?.closed ?? 0,
      closedOnTime: row?.closedOnTime ?? 0,
      overdue: row?.overdue ?? 0,
    };
  });
}

/**
 * Per lead unit: task counts by 三色 light, closed, closed on time and open overdue, on the Shanghai
 * day `asOf` — from the summary table for today, else one grouped SQL query.
 *
 * `scope: 'own'` covers the units the user may see in summaries (unitScopeWhere: a leader's 分管
 * units); `scope: 'county'` covers every unit and needs `ranking.view` (the ranking and the 通报 are
 * county-wide aggregates). `year` limits to that year's tasks. A task counts as closed only if it was
 * closed by the end of `asOf`; with `existingAsOf` (bulletins of a past month) tasks created after
 * that day are left out too. Deadlines and progress are the current ones.
 */
export async function getUnitTaskStats({
  user,
  scope,
  year,
  asOf = new Date(),
  existingAsOf = false,
}: {
  user: SessionUser;
  scope: 'own' | 'county';
  year?: number;
  asOf?: Date;
  existingAsOf?: boolean;
}): Promise<UnitTaskStats[]> {
  const [units, light] = await Promise.all([loadFigureUnits({ user, scope }), taskLightColumnSql(asOf)]);
  if (units.length === 0) return [];
  // Today's figures come from the summary table (task-figure-summary.ts) while it is today's.
  const summarized = existingAsOf ? null : await summarizedUnitFigures({ today: asOf, unitIds: scope === 'own' ? units.map((u) => u.id) : undefined, year });
  if (summarized) return unitTaskStats(units, summarized);
  const endOfDay = utcTimestampOfShanghaiMidnight(shanghaiDayNumber(asOf) + 1);
  const rows = await db.$queryRaw<UnitFigures[]>(Prisma.sql`
    SELECT s."leadUnitId" AS "unitId", ${figureCountsSql(asOf)}
    FROM (
      SELECT ${figureColumnsSql(asOf, light)} FROM "Task" t
      WHERE ${COUNTED_TASK_SQL} AND t."leadUnitId" = ANY(${units.map((u) => u.id)})
        ${existingAsOf ? Prisma.sql`AND t."createdAt" < ${endOfDay}::timestamp` : Prisma.empty}
        ${year === undefined ? Prisma.empty : Prisma.sql`AND t."year" = ${year}`}
    ) s
    GROUP BY s."leadUnitId"`);
  return unitTaskStats(units, rows);
}
