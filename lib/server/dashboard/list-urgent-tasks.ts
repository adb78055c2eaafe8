import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { taskInScopeSql } from '@/lib/server/tasks/task-scope-sql';
import type { TaskStatus } from '@/lib/core/workflow/task-status';
import { urgentFocusSql, urgentPageSql } from '@/lib/server/dashboard/task-figures-sql';
import { figureRowsSql } from '@/lib/server/dashboard/figure-rows-sql';
import { isoFromDate } from '@/lib/core/schemas/common';
import { daysUntilDeadline, expectedProgress, type TrafficLight } from '@/lib/core/schedule/progress';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';

export const URGENT_TASKS_PAGE_SIZE = 20;

/**
 * The shown fields of the tasks found by SQL, in that order, in one statement. They load through
 * the member rows' scope check as well (taskInScopeSql), so the finding query's scope can never leak a row.
 */
export async function loadUrgentRows({ user, found, today }: { user: SessionUser; found: { id: string; light: TrafficLight }[]; today: Date }) {
  if (found.length === 0) return [];
  const tasks = await db.$queryRaw<
    { id: string; code: string; title: string; status: TaskStatus; startDate: Date; deadline: Date; progressPercent: number; leadUnitId: string; leadUnit: string }[]
  >`
    SELECT t."id", t."code", t."title", t."status"::text AS "status", t."startDate", t."deadline", t."progressPercent", t."leadUnitId", u."shortName" AS "leadUnit"
    FROM "Task" t JOIN "Unit" u ON u."id" = t."leadUnitId"
    WHERE t."id" = ANY(${found.map((row) => row.id)}::text[]) AND ${taskInScopeSql(user)}`;
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return found.flatMap(({ id, light }) => {
    const task = byId.get(id);
    if (!task) return [];
    return [
      {
        id: task.id,
        code: task.code,
        title: task.title,
        status: task.status,
        leadUnit: task.leadUnit,
        /** The user's unit leads this task (false for a co-unit, and for office and leaders). */
        isLeadUnit: user.unitId !== null && task.leadUnitId === user.unitId,
        deadline: isoFromDate(task.deadline),
        daysLeft: daysUntilDeadline(task.deadline, today),
        progressPercent: task.progressPercent,
        expectedPercent: expectedProgress(task.startDate, task.deadline, today),
        light,
      },
    ];
  });
}

export type UrgentTaskRow = Awaited<ReturnType<typeof loadUrgentRows>>[number];

/** How many of the scope's tasks a focus shows: red and overdue are counted figures; open is every task not closed. */
export function focusTotal(counts: TaskLightCounts, focus: UrgentFocus): number {
  return focus === 'open' ? counts.total - counts.closed : counts[focus];
}

/**
 * One page of the user's tasks, most urgent first (urgentPageSql); `focus` picks overdue tasks,
 * red tasks, or all open tasks. `total` is how many match when the caller has the scope's counts
 * (focusTotal); else they are counted here. (Counting beside the page, as count(*) OVER (), made the
 * page read every matching row: 18 ms for a unit's 7,700 open tasks at 1M, 5 ms without.)
 */
export async function listUrgentTasks({
  user,
  focus,
  page = 1,
  pageSize = URGENT_TASKS_PAGE_SIZE,
  today = new Date(),
  total,
}: {
  user: SessionUser;
  focus: UrgentFocus;
  page?: number;
  pageSize?: number;
  today?: Date;
  total?: number;
}) {
  const rows = await figureRowsSql({ user, today });
  const matching = Prisma.sql`${rows.sql} s WHERE (${urgentFocusSql(focus, today)})`;
  const [found, matched] = await Promise.all([
    db.$queryRaw<{ id: string; light: TrafficLight }[]>(urgentPageSql({ matching, indexed: rows.indexed, focus, limit: pageSize, offset: (page - 1) * pageSize })),
    total ?? db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS "total" FROM ${matching}`).then((rows) => rows[0]?.total ?? 0),
  ]);
  return { rows: await loadUrgentRows({ user, found, today }), total: matched };
}
