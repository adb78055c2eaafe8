import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { COUNTED_TASK_SQL, figureColumnsSql, figureCountsSql, URGENT_ORDER_SQL, urgentFocusSql } from '@/lib/server/dashboard/task-figures-sql';
import { loadUrgentRows, URGENT_TASKS_PAGE_SIZE } from '@/lib/server/dashboard/list-urgent-tasks';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { loadFigureUnits, unitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { onTimeRate, type UnitTaskStats } from '@/lib/core/ranking/score-units';
import type { TrafficLight } from '@/lib/core/schedule/progress';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';

type DashboardQueryRow = {
  counts: TaskLightCounts;
  focusTotal: number;
  page: { id: string; light: TrafficLight }[];
  units: Omit<UnitTaskStats, 'unitName' | 'sortOrder'>[];
};

const FIGURES = ['total', 'red', 'yellow', 'green', 'done', 'closed', 'closedOnTime', 'overdue'] as const;

/** The dashboard's one query (see getLeaderDashboard); `light` is `taskLightColumnSql(today)`, `unitIds` the 分管 units. */
export function leaderDashboardSql({ user, unitIds, light, focus, page, today }: { user: SessionUser; unitIds: string[]; light: Prisma.Sql; focus: UrgentFocus; page: number; today: Date }) {
  const focusSql = urgentFocusSql(focus, today);
  // The red and overdue totals are figures already counted; only 'open' needs its own count.
  const focusTotal =
    focus === 'open' ? Prisma.sql`(SELECT count(*)::int FROM scoped s WHERE ${focusSql})` : Prisma.sql`(SELECT coalesce(sum(g.${Prisma.raw(`"${focus}"`)}), 0)::int FROM grouped g)`;
  const scopeTotals = Prisma.join(FIGURES.map((name) => Prisma.sql`coalesce(sum(g.${Prisma.raw(`"${name}"`)}), 0)::int AS ${Prisma.raw(`"${name}"`)}`));
  return Prisma.sql`
    WITH scoped AS MATERIALIZED (SELECT ${figureColumnsSql(today, light)} FROM "Task" t WHERE ${COUNTED_TASK_SQL} AND ${taskScopeSql(user, { overseenUnitIds: unitIds })}),
      grouped AS (SELECT s."leadUnitId" AS "unitId", ${figureCountsSql(today)} FROM scoped s GROUP BY s."leadUnitId")
    SELECT
      (SELECT row_to_json(c) FROM (SELECT ${scopeTotals} FROM grouped g) c) AS "counts",
      ${focusTotal} AS "focusTotal",
      (SELECT coalesce(json_agg(json_build_object('id', s."id", 'light', s."light") ORDER BY ${URGENT_ORDER_SQL}), '[]'::json)
        FROM (SELECT * FROM scoped s WHERE ${focusSql} ORDER BY ${URGENT_ORDER_SQL} LIMIT ${URGENT_TASKS_PAGE_SIZE} OFFSET ${(page - 1) * URGENT_TASKS_PAGE_SIZE}) s) AS "page",
      (SELECT coalesce(json_agg(g), '[]'::json) FROM grouped g WHERE g."unitId" = ANY(${unitIds})) AS "units"`;
}

/**
 * 领导驾驶舱: counts over the tasks the leader leads or whose units they oversee, one page of those
 * tasks with overdue and red first, and a by-unit summary of the 分管 units (lights and on-time rate
 * as defined in lib/ranking/score-units.ts).
 *
 * Everything comes from ONE scan of the leader's tasks (a materialized CTE with each task's light),
 * grouped once by lead unit: the scope's counts are the sum of the groups, the 分管 units' rows are
 * some of them, and the red or overdue total is a count already made; the same figures as
 * getTaskLightCounts, listUrgentTasks and getUnitTaskStats would give. It is the page the benchmark
 * measures at 100k tasks, where passing over the scope four times was too slow.
 */
export async function getLeaderDashboard({ user, focus = 'red', page = 1, today = new Date() }: { user: SessionUser; focus?: UrgentFocus; page?: number; today?: Date }) {
  if (!can(user, 'dashboard.leader')) throw forbidden('查看领导驾驶舱');
  const [units, light] = await Promise.all([loadFigureUnits({ user, scope: 'own' }), taskLightColumnSql(today)]);
  const [row] = await db.$queryRaw<DashboardQueryRow[]>(leaderDashboardSql({ user, unitIds: units.map((u) => u.id), light, focus, page, today }));
  if (!row) throw new Error('dashboard query returned no row');
  return {
    counts: row.counts,
    urgent: { rows: await loadUrgentRows({ user, found: row.page, today }), total: row.focusTotal },
    units: unitTaskStats(units, row.units).map((unit) => ({ ...unit, onTimeRate: onTimeRate(unit) })),
  };
}

export type LeaderDashboard = Awaited<ReturnType<typeof getLeaderDashboard>>;
