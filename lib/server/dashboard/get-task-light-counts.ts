import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { figureCountsSql } from '@/lib/server/dashboard/task-figures-sql';
import { figureRowsSql } from '@/lib/server/dashboard/figure-rows-sql';
import { scopeMemberKey } from '@/lib/server/tasks/task-scope-sql';
import { summarizedFigures, summaryAnswers } from '@/lib/server/dashboard/task-figure-summary';
import { scopeFigureCounts } from '@/lib/server/dashboard/scope-figures';

export type TaskLightCounts = { total: number; red: number; yellow: number; green: number; done: number; closed: number; closedOnTime: number; overdue: number };

const NO_TASKS: TaskLightCounts = { total: 0, red: 0, yellow: 0, green: 0, done: 0, closed: 0, closedOnTime: 0, overdue: 0 };

/**
 * The tasks in the user's scope counted by 三色 light, closed and open overdue: for the whole county
 * from the summary table, for a unit or a leader from its scope figures (scope-figures.ts), when
 * they answer for today; else one scan of the user's rows (figureRowsSql).
 */
export async function getTaskLightCounts({ user, today = new Date() }: { user: SessionUser; today?: Date }): Promise<TaskLightCounts> {
  if (can(user, 'task.viewAll')) {
    const summarized = await summarizedFigures({ today });
    if (summarized) return summarized;
  }
  const member = scopeMemberKey(user);
  if (member && (await summaryAnswers({ today }))) return scopeFigureCounts({ member, today });
  const [row] = await db.$queryRaw<TaskLightCounts[]>(Prisma.sql`SELECT ${figureCountsSql(today)} FROM ${(await figureRowsSql({ user, today })).sql} s`);
  return row ?? NO_TASKS;
}
