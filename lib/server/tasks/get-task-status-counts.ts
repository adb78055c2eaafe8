import 'server-only';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import type { TaskStatus } from '@/lib/generated/prisma/enums';

/** Tasks in the user's scope, counted by status, plus how many are overdue today. */
export async function getTaskStatusCounts({ user, today = new Date() }: { user: SessionUser; today?: Date }) {
  const scope = taskScopeWhere(user);
  const [byStatus, overdue] = await Promise.all([
    db.task.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
    db.task.count({ where: { AND: [scope, { status: { not: 'CLOSED' }, deadline: { lt: startOfDay(today) } }] } }),
  ]);
  const counts = Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Partial<Record<TaskStatus, number>>;
  const total = byStatus.reduce((sum, row) => sum + row._count._all, 0);
  return { total, overdue, counts };
}

function startOfDay(date: Date) {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}
