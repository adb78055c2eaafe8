import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { scopeMemberKey, type ScopeMemberKey } from '@/lib/server/tasks/task-scope-sql';

/**
 * County leaders a user may pick in task filters and forms: every active one for those whose scope
 * is not one unit's (office, leaders); for a unit user, those leading a task in the unit's scope:
 * the unit's rows of "UnitTaskLeader" (per unit and leader, the count of such tasks, kept by
 * triggers), a few rows instead of joining the unit's ~10k member rows at 1M tasks to their leaders.
 */
function listLeaderChoices(user: SessionUser, member: ScopeMemberKey | null) {
  const unitBound = can(user, 'dashboard.unit'); // a unit's head or liaison (abilities.ts seesOwnUnitOnly)
  const leadingInScope = !unitBound
    ? Prisma.empty
    : member?.kind === 'unit'
      ? Prisma.sql`AND u."id" IN (SELECT "leaderId" FROM "UnitTaskLeader" WHERE "unitId" = ${member.id})`
      : Prisma.sql`AND FALSE`;
  return db.$queryRaw<{ id: string; name: string; title: string | null }[]>`
    SELECT u."id", u."name", u."title" FROM "User" u
    WHERE u."role" = 'LEADER' AND u."active" ${leadingInScope}
    ORDER BY u."username"`;
}

/** Plans with a task in the user's scope: one probe of the user's member rows per plan. */
function listPlanChoices(user: SessionUser, member: ScopeMemberKey | null) {
  const withTaskInScope = can(user, 'task.viewAll')
    ? Prisma.empty
    : member
      ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM "TaskScopeMember" m WHERE m."scopeKind" = ${member.kind} AND m."scopeId" = ${member.id} AND m."planId" = p."id")`
      : Prisma.sql`WHERE FALSE`;
  return db.$queryRaw<{ id: string; title: string; year: number }[]>`
    SELECT p."id", p."title", p."year" FROM "Plan" p ${withTaskInScope} ORDER BY p."year" DESC, p."createdAt" DESC`;
}

/**
 * Choices for the task list's filters and the new-task form, limited to what the user may see:
 * units in the user's unit scope, plans with a task in the user's task scope, and county leaders
 * (all of them for the office and leaders; those leading a task in scope for unit users). A
 * leader's or unit's tasks are its "TaskScopeMember" rows (taskScopeWhere's tasks, kept by triggers).
 */
export async function listTaskChoices({ user }: { user: SessionUser }) {
  const member = scopeMemberKey(user);
  const [units, leaders, plans] = await Promise.all([
    db.unit.findMany({ where: unitScopeWhere(user), select: { id: true, name: true, shortName: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
    listLeaderChoices(user, member),
    listPlanChoices(user, member),
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
