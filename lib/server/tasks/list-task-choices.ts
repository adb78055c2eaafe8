import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';

/**
 * County leaders a user may pick in task filters and forms: every active one for those whose scope
 * is not one unit's (office, leaders); for a unit user, those leading a task in the unit's scope.
 * That set is found from the unit's few hundred tasks to their leaders: asked the other way round
 * (leaders with some task in scope) PostgreSQL walks each leader's thousands of tasks.
 */
function listLeaderChoices(user: SessionUser) {
  const unitBound = can(user, 'dashboard.unit'); // a unit's head or liaison (abilities.ts seesOwnUnitOnly)
  const leadingInScope = unitBound
    ? Prisma.sql`AND u."id" IN (SELECT tl."leaderId" FROM "Task" t JOIN "TaskLeader" tl ON tl."taskId" = t."id" WHERE ${taskScopeSql(user)})`
    : Prisma.empty;
  return db.$queryRaw<{ id: string; name: string; title: string | null }[]>`
    SELECT u."id", u."name", u."title" FROM "User" u
    WHERE u."role" = 'LEADER' AND u."active" ${leadingInScope}
    ORDER BY u."username"`;
}

/**
 * Choices for the task list's filters and the new-task form, limited to what the user may see:
 * units in the user's unit scope, plans with a task in the user's task scope, and county leaders
 * (all of them for the office and leaders; those leading a task in scope for unit users).
 */
export async function listTaskChoices({ user }: { user: SessionUser }) {
  const scope = taskScopeWhere(user);
  const [units, leaders, plans] = await Promise.all([
    db.unit.findMany({ where: unitScopeWhere(user), select: { id: true, name: true, shortName: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
    listLeaderChoices(user),
    db.plan.findMany({
      where: can(user, 'task.viewAll') ? {} : { tasks: { some: scope } },
      select: { id: true, title: true, year: true },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
    }),
  ]);
  return { units, leaders, plans };
}

export type TaskChoices = Awaited<ReturnType<typeof listTaskChoices>>;

/**
 * The choices a task form offers: the filters list every unit (old tasks keep deactivated ones),
 * but a task is assigned only to active units, or kept on the ones it already has (`keepUnitIds`).
 */
export function assignableChoices(choices: TaskChoices, keepUnitIds: readonly string[] = []): TaskChoices {
  return { ...choices, units: choices.units.filter((unit) => unit.active || keepUnitIds.includes(unit.id)) };
}
