import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { figureCountsSql, URGENT_ORDER_SQL, urgentFocusSql, urgentPageSql } from '@/lib/server/dashboard/task-figures-sql';
import { figureRowsSql, type FigureRows } from '@/lib/server/dashboard/figure-rows-sql';
import type { ScopeMemberKey } from '@/lib/server/tasks/task-scope-sql';
import { scopeFigureCountsSql } from '@/lib/server/dashboard/scope-figures';
import { summaryAnswers, summaryFiguresSql } from '@/lib/server/dashboard/task-figure-summary';
import { focusTotal, loadUrgentRows, URGENT_TASKS_PAGE_SIZE } from '@/lib/server/dashboard/list-urgent-tasks';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { loadFigureUnits, unitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { onTimeRate, type UnitTaskStats } from '@/lib/core/ranking/score-units';
import type { TrafficLight } from '@/lib/core/schedule/progress';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';

type DashboardQueryRow = {
  counts: TaskLightCounts;
  page: { id: string; light: TrafficLight }[];
  units: Omit<UnitTaskStats, 'unitName' | 'sortOrder'>[];
};

const FIGURES = ['total', 'red', 'yellow', 'green', 'done', 'closed', 'closedOnTime', 'overdue'] as const;

/**
 * The dashboard's one query (see getLeaderDashboard); `rows` is the leader's figureRowsSql, `unitIds`
 * the 分管 units. Rows read from an index range (`rows.indexed`) are read again for each figure, which
 * is cheaper than keeping them; the counts come from the leader's scope figures when `countsOf`, and
 * the 分管 units' figures from the summary table when `unitsFromSummary` (summaryAnswers); rows from "Task" are scanned once into a materialized CTE,
 * grouped once by lead unit, and the scope's counts are the sum of the groups.
 */
export function leaderDashboardSql({
  rows,
  unitIds,
  unitsFromSummary,
  countsOf,
  focus,
  page,
  today,
}: {
  rows: FigureRows;
  unitIds: string[];
  unitsFromSummary: boolean;
  /** The leader whose scope figures give the counts (scope-figures.ts), when they answer for today. */
  countsOf: ScopeMemberKey | null;
  focus: UrgentFocus;
  page: number;
  today: Date;
}) {
  const matching = Prisma.sql`scoped s WHERE (${urgentFocusSql(focus, today)})`;
  const pageRows = urgentPageSql({ matching, indexed: rows.indexed, focus, limit: URGENT_TASKS_PAGE_SIZE, offset: (page - 1) * URGENT_TASKS_PAGE_SIZE });
  const pageSql = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', s."id", 'light', s."light") ORDER BY ${URGENT_ORDER_SQL}), '[]'::json)
        FROM (${pageRows}) s) AS "page"`;
  if (rows.indexed) {
    return Prisma.sql`
    WITH scoped AS NOT MATERIALIZED (SELECT * FROM ${rows.sql} r)
    SELECT
      (SELECT row_to_json(c) FROM (${countsOf ? scopeFigureCountsSql({ member: countsOf, today }) : Prisma.sql`SELECT ${figureCountsSql(today)} FROM scoped s`}) c) AS "counts",
      ${pageSql},
      (SELECT coalesce(json_agg(g), '[]'::json) FROM (${
        unitsFromSummary
          ? summaryFiguresSql({ today, unitIds })
          : Prisma.sql`SELECT s."leadUnitId" AS "unitId", ${figureCountsSql(today)} FROM scoped s WHERE s."leadUnitId" = ANY(${unitIds}) GROUP BY s."leadUnitId"`
      }) g) AS "units"`;
  }
  const scopeTotals = Prisma.join(FIGURES.map((name) => Prisma.sql`coalesce(sum(g.${Prisma.raw(`"${name}"`)}), 0)::int AS ${Prisma.raw(`"${name}"`)}`));
  return Prisma.sql`
    WITH scoped AS MATERIALIZED (SELECT * FROM ${rows.sql} r),
      grouped AS (SELECT s."leadUnitId" AS "unitId", ${figureCountsSql(today)} FROM scoped s GROUP BY s."leadUnitId")
    SELECT
      (SELECT row_to_json(c) FROM (SELECT ${scopeTotals} FROM grouped g) c) AS "counts",
      ${pageSql},
      (SELECT coalesce(json_agg(g), '[]'::json) FROM grouped g WHERE g."unitId" = ANY(${unitIds})) AS "units"`;
}

/**
 * 领导驾驶舱: counts over the tasks the leader leads or whose units they oversee, one page of those
 * tasks with overdue and red first, and a by-unit summary of the 分管 units (lights and on-time rate
 * as defined in lib/ranking/score-units.ts), in one query (leaderDashboardSql) over the leader's
 * rows (figureRowsSql: their "TaskScopeMember" rows while the stored lights are today's); the same
 * figures as getTaskLightCounts, listUrgentTasks and getUnitTaskStats would give. It is the page
 * the benchmark measures at 100k tasks.
 */
export async function getLeaderDashboard({ user, focus = 'red', page = 1, today = new Date() }: { user: SessionUser; focus?: UrgentFocus; page?: number; today?: Date }) {
  if (!can(user, 'dashboard.leader')) throw forbidden('查看领导驾驶舱');
  const units = await loadFigureUnits({ user, scope: 'own' });
  const unitIds = units.map((u) => u.id);
  const [rows, countyFromSummary] = await Promise.all([figureRowsSql({ user, today, overseenUnitIds: unitIds }), summaryAnswers({ today })]);
  // What answers for the county answers for any of its units; only otherwise ask for these units.
  const unitsFromSummary = countyFromSummary || (await summaryAnswers({ today, unitIds }));
  const countsOf = rows.indexed && countyFromSummary ? { kind: 'leader' as const, id: user.id } : null;
  const [row] = await db.$queryRaw<DashboardQueryRow[]>(leaderDashboardSql({ rows, unitIds, unitsFromSummary, countsOf, focus, page, today }));
  if (!row) throw new Error('dashboard query returned no row');
  return {
    counts: row.counts,
    urgent: { rows: await loadUrgentRows({ user, found: row.page, today }), total: focusTotal(row.counts, focus) },
    units: unitTaskStats(units, row.units).map((unit) => ({ ...unit, onTimeRate: onTimeRate(unit) })),
  };
}

export type LeaderDashboard = Awaited<ReturnType<typeof getLeaderDashboard>>;
