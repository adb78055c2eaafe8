import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { focusTotal, listUrgentTasks } from '@/lib/server/dashboard/list-urgent-tasks';
import { listNotifications } from '@/lib/server/notifications/list-notifications';
import { shanghaiDbDate } from '@/lib/server/tasks/light-sql';
import { OPEN_MEMBER_SQL } from '@/lib/server/dashboard/figure-rows-sql';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { isoFromDate } from '@/lib/core/schemas/common';
import { isoWeekday, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { daysUntilDeadline, targetCompletion } from '@/lib/core/schedule/progress';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { targetGoalText } from '@/lib/core/targets/target-text';
import type { DbComparator } from '@/lib/core/targets/comparator';

/** The unit home's target chart shows at most this many targets (its open lead tasks, soonest deadline first). */
export const UNIT_TARGETS_SHOWN = 12;
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';

/*
 * The open tasks and targets below are picked from the unit's "TaskScopeMember" rows (its tasks, with
 * status and deadline kept in step by triggers: one index range instead of a lookup per task), with
 * the week's tasks and the targets joined to them: the unit's own rows are its scope.
 */

/** The unit's open tasks due between `from` and `to` (Shanghai days), by deadline: its own member rows joined to the tasks. */
async function loadDueThisWeek(user: SessionUser & { unitId: string }, from: Date, to: Date) {
  return db.$queryRaw<{ id: string; code: string; title: string; deadline: Date; leadUnitId: string }[]>(Prisma.sql`
    SELECT t."id", t."code", t."title", t."deadline", t."leadUnitId"
    FROM "TaskScopeMember" m JOIN "Task" t ON t."id" = m."taskId"
    WHERE m."scopeKind" = 'unit' AND m."scopeId" = ${user.unitId} AND ${OPEN_MEMBER_SQL} AND m."deadline" BETWEEN ${isoFromDate(from)}::date AND ${isoFromDate(to)}::date
    ORDER BY m."deadline", m."code" LIMIT 50`);
}

/** Open lead tasks read per step of the target chart: most have a numeric target, so one step usually fills it. */
const TARGET_TASKS_STEP = 50;

/** A shown target with its task's code and deadline (the step's cursor); the target fields are null for a task without a numeric target. */
type ShownTargetRow = {
  taskId: string;
  deadline: Date;
  code: string;
  id: string | null;
  metric: string;
  comparator: DbComparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
  placeholder: boolean;
  actualValue: number | null;
};

/**
 * The numeric targets of the unit's open lead tasks, soonest deadline first (then task code and
 * position), at most UNIT_TARGETS_SHOWN: the unit's own member rows (its scope) are read in deadline
 * order a step at a time, each step with its tasks' targets in one statement, so a unit with
 * thousands of open tasks reads a few dozen.
 */
async function loadShownTargets(unitId: string) {
  const shown: (ShownTargetRow & { id: string })[] = [];
  let after: { deadline: Date; code: string } | null = null;
  while (shown.length < UNIT_TARGETS_SHOWN) {
    const rows: ShownTargetRow[] = await db.$queryRaw(Prisma.sql`
      WITH "picked" AS (
        SELECT m."taskId", m."deadline", m."code" FROM "TaskScopeMember" m
        WHERE m."scopeKind" = 'unit' AND m."scopeId" = ${unitId} AND m."leadUnitId" = ${unitId} AND ${OPEN_MEMBER_SQL}
          ${after ? Prisma.sql`AND (m."deadline", m."code") > (${isoFromDate(after.deadline)}::date, ${after.code})` : Prisma.empty}
        ORDER BY m."deadline", m."code" LIMIT ${TARGET_TASKS_STEP})
      SELECT p."taskId", p."deadline", p."code", g."id", g."metric", g."comparator"::text AS "comparator", g."value"::float8 AS "value",
        g."valueMax"::float8 AS "valueMax", g."unit", g."placeholder", g."actualValue"::float8 AS "actualValue"
      FROM "picked" p LEFT JOIN "Target" g ON g."taskId" = p."taskId" AND NOT g."placeholder" AND g."value" IS NOT NULL
      ORDER BY p."deadline", p."code", g."position"`);
    if (rows.length === 0) break;
    for (const row of rows) if (row.id !== null) shown.push({ ...row, id: row.id });
    after = rows[rows.length - 1]!;
  }
  return shown.slice(0, UNIT_TARGETS_SHOWN);
}

/**
 * 本单位任务: the unit's tasks as lead or co-unit (open ones, most urgent first, one page), the open
 * ones due this week (Monday–Sunday, Shanghai), its reports whose latest review returned them, and
 * the user's unread notifications; and the numeric targets of its open lead tasks with their achievement.
 */
export async function getUnitDashboard({ user, focus = 'open', page = 1, today = new Date() }: { user: SessionUser; focus?: UrgentFocus; page?: number; today?: Date }) {
  if (!can(user, 'dashboard.unit') || !user.unitId) throw forbidden('查看本单位任务');
  const unitUser = { ...user, unitId: user.unitId };
  const weekday = isoWeekday(shanghaiDayNumber(today));
  // The counts first: they give the task list its total (the list then reads only its page).
  const counts = await getTaskLightCounts({ user, today });
  const [tasks, dueThisWeek, returned, notifications, targets] = await Promise.all([
    listUrgentTasks({ user, focus, page, today, total: focusTotal(counts, focus) }),
    loadDueThisWeek(unitUser, shanghaiDbDate(today, 1 - weekday), shanghaiDbDate(today, 7 - weekday)),
    // The latest report of each task, kept only if it was returned: the unit still owes a corrected one.
    db.$queryRaw<{ id: string; taskId: string; code: string; title: string; periodKey: string; reviewReason: string | null; reviewedAt: Date | null }[]>(Prisma.sql`
      SELECT r."id", r."taskId", t."code", t."title", r."periodKey", r."reviewReason", r."reviewedAt"
      FROM "ProgressReport" r JOIN "Task" t ON t."id" = r."taskId"
      WHERE r."unitId" = ${user.unitId} AND r."reviewState" = 'RETURNED' AND ${taskScopeSql(user)}
        AND NOT EXISTS (SELECT 1 FROM "ProgressReport" n WHERE n."taskId" = r."taskId" AND n."unitId" = r."unitId" AND n."createdAt" > r."createdAt")
      ORDER BY r."reviewedAt" DESC NULLS LAST LIMIT 20`),
    listNotifications({ user, unreadOnly: true, badgeTotal: true, pageSize: 5 }),
    loadShownTargets(user.unitId),
  ]);
  return {
    counts,
    tasks,
    dueThisWeek: dueThisWeek.map((task) => ({
      id: task.id,
      code: task.code,
      title: task.title,
      deadline: isoFromDate(task.deadline),
      daysLeft: daysUntilDeadline(task.deadline, today),
      isLeadUnit: task.leadUnitId === user.unitId,
    })),
    returned,
    notifications,
    targets: targets.map((row) => {
      const target = { ...storedTargetFigure(row), actual: numberFromDecimal(row.actualValue) };
      return { id: row.id, taskCode: row.code, metric: row.metric, actual: target.actual, unit: target.unit, goal: targetGoalText(target) ?? '', completion: targetCompletion(target) };
    }),
  };
}

export type UnitDashboard = Awaited<ReturnType<typeof getUnitDashboard>>;
