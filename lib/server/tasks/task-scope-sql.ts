import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { can, type SessionUser } from '@/lib/server/auth/permissions';

/**
 * `taskScopeWhere` as a SQL condition on a "Task" row aliased `t`, for the list queries that must
 * filter by the 三色 light in SQL. It must select exactly the same tasks as `taskScopeWhere`
 * (tests/integration/task-list.test.ts compares them for every role), and callers check the rows
 * they show again, through `taskScopeWhere` or `taskInScopeSql` (the member rows, kept apart by
 * triggers), so a mistake here can change a count but never leak a row.
 * (The office home's queues select their rows in SQL: only the office, which sees every task, has them.)
 */
export function taskScopeSql(user: SessionUser, { overseenUnitIds }: { overseenUnitIds?: readonly string[] } = {}): Prisma.Sql {
  if (can(user, 'task.viewAll')) return Prisma.sql`TRUE`;
  switch (user.role) {
    case 'LEADER':
      // A leader's scope is a large share of all tasks: one scan with hashed id sets beats joining.
      // With the 分管 units already loaded (`overseenUnitIds`, exactly unitScopeWhere's), the co-unit
      // set comes from its unitId index instead of a hash join over every "TaskCoUnit" row.
      if (overseenUnitIds) {
        const units = [...overseenUnitIds];
        return Prisma.sql`(
        t."id" IN (SELECT tl."taskId" FROM "TaskLeader" tl WHERE tl."leaderId" = ${user.id})
        OR t."leadUnitId" = ANY(${units})
        OR t."id" IN (SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" = ANY(${units})))`;
      }
      return Prisma.sql`(
        t."id" IN (SELECT tl."taskId" FROM "TaskLeader" tl WHERE tl."leaderId" = ${user.id})
        OR t."leadUnitId" IN (SELECT lu."unitId" FROM "LeaderUnit" lu WHERE lu."leaderId" = ${user.id})
        OR t."id" IN (
          SELECT c."taskId" FROM "TaskCoUnit" c JOIN "LeaderUnit" lu ON lu."unitId" = c."unitId" WHERE lu."leaderId" = ${user.id}
        ))`;
    case 'UNIT_HEAD':
    case 'UNIT_STAFF':
      if (!user.unitId) return Prisma.sql`FALSE`;
      // One id set from two indexes: far cheaper than `lead = X OR id IN (…)` over every task.
      return Prisma.sql`t."id" IN (
        SELECT l."id" FROM "Task" l WHERE l."leadUnitId" = ${user.unitId}
        UNION ALL SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" = ${user.unitId})`;
    default:
      return Prisma.sql`FALSE`;
  }
}

export type ScopeMemberKey = { kind: 'unit' | 'leader'; id: string };

/** Whose rows of "TaskScopeMember" are the user's tasks: a unit user's unit, a leader's own; none for the office (and a unit user without a unit). */
export function scopeMemberKey(user: SessionUser): ScopeMemberKey | null {
  if (can(user, 'task.viewAll')) return null;
  if (user.role === 'LEADER') return { kind: 'leader', id: user.id };
  if ((user.role === 'UNIT_HEAD' || user.role === 'UNIT_STAFF') && user.unitId) return { kind: 'unit', id: user.unitId };
  return null;
}

/**
 * The scope as a check of each row, for a page of known task ids: one probe of the member rows'
 * key per task, where taskScopeSql builds the scope's whole id set (a unit's hundreds of tasks, a
 * leader's thousands) to test twenty. The member rows hold exactly taskScopeWhere's sets (kept by
 * triggers; task-scope-member.test.ts compares them).
 */
export function taskInScopeSql(user: SessionUser): Prisma.Sql {
  if (can(user, 'task.viewAll')) return Prisma.sql`TRUE`;
  const key = scopeMemberKey(user);
  if (!key) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "TaskScopeMember" sm WHERE sm."scopeKind" = ${key.kind} AND sm."scopeId" = ${key.id} AND sm."taskId" = t."id")`;
}
