import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { storedLightsAreFor, taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { scopeMemberKey, taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { COUNTED_TASK_SQL, figureColumnsSql } from '@/lib/server/dashboard/task-figures-sql';
import { OPEN_STATUSES } from '@/lib/core/workflow/task-status';

/**
 * A member row `m` of an open task (OPEN_STATUSES), written as the predicate of the open rows' index
 * (TaskScopeMember_open_deadline_idx) so that PostgreSQL can use it; a test keeps the two equal.
 */
export const OPEN_MEMBER_SQL = Prisma.raw(`m."status" IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/** A row source (`sql`, used as `FROM ${sql} s`) and whether it is one index range, cheap to read again. */
export type FigureRows = { sql: Prisma.Sql; indexed: boolean };

/**
 * The counted tasks in the user's scope as a row source with figureColumnsSql's columns. While the stored lights are today's, a leader's or a unit's rows come from
 * "TaskScopeMember" (the same tasks and columns, kept by triggers: one index range instead of a
 * lookup into "Task" per task); otherwise, and for the office, from "Task" with the light as
 * taskLightColumnSql gives it. `overseenUnitIds` is the leader's 分管 units when already loaded.
 */
export async function figureRowsSql({ user, today, overseenUnitIds }: { user: SessionUser; today: Date; overseenUnitIds?: readonly string[] }): Promise<FigureRows> {
  const member = scopeMemberKey(user);
  if (member && (await storedLightsAreFor(today))) {
    const sql = Prisma.sql`(SELECT ${figureColumnsSql(today, Prisma.sql`t."light"`, Prisma.sql`t."taskId"`)} FROM "TaskScopeMember" t
      WHERE t."scopeKind" = ${member.kind} AND t."scopeId" = ${member.id} AND ${COUNTED_TASK_SQL})`;
    return { sql, indexed: true };
  }
  const light = await taskLightColumnSql(today);
  return { sql: Prisma.sql`(SELECT ${figureColumnsSql(today, light)} FROM "Task" t WHERE ${COUNTED_TASK_SQL} AND ${taskScopeSql(user, { overseenUnitIds })})`, indexed: false };
}
