import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { can, type SessionUser } from '@/lib/server/auth/permissions';

/**
 * `taskScopeWhere` as a SQL condition on a "Task" row aliased `t`, for the list queries that must
 * filter by the 三色 light in SQL. It must select exactly the same tasks as `taskScopeWhere`
 * (tests/integration/task-list.test.ts compares them for every role), and callers still load the
 * rows they show through `taskScopeWhere`, so a mistake here can change a count but never leak a row.
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
