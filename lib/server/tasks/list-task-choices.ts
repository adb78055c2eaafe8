import 'server-only';
import { db } from '@/lib/server/db';
import { can, leaderChoiceWhere, taskScopeWhere, unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';

/**
 * Choices for the task list's filters and the new-task form, limited to what the user may see:
 * units in the user's unit scope, plans with a task in the user's task scope, and county leaders
 * (all of them for the office and leaders; those leading a task in scope for unit users).
 */
export async function listTaskChoices({ user }: { user: SessionUser }) {
  const scope = taskScopeWhere(user);
  const [units, leaders, plans] = await Promise.all([
    db.unit.findMany({ where: unitScopeWhere(user), select: { id: true, name: true, shortName: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
    db.user.findMany({
      where: leaderChoiceWhere(user),
      select: { id: true, name: true, title: true },
      orderBy: { username: 'asc' },
    }),
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
