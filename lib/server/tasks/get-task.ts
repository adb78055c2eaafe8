import 'server-only';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

/** One task with everything its page shows; a task outside the user's scope is "not found". */
export async function getTask({ user, taskId }: { user: SessionUser; taskId: string }) {
  const task = await db.task.findFirst({
    where: { AND: [{ id: taskId }, taskScopeWhere(user)] },
    include: {
      plan: { select: { id: true, title: true } },
      planItem: { select: { id: true, text: true, numbering: true } },
      leadUnit: { select: { id: true, name: true, shortName: true } },
      coUnits: { include: { unit: { select: { id: true, name: true, shortName: true } } } },
      leaders: { include: { leader: { select: { id: true, name: true, title: true } } } },
      targets: { orderBy: { position: 'asc' } },
    },
  });
  if (!task) throw notFound();
  // The task it was split from and the parts it was split into, as far as the user may see them.
  const related = await db.task.findMany({
    where: { AND: [{ OR: [{ id: task.splitFromId ?? '__none__' }, { splitFromId: task.id }] }, taskScopeWhere(user)] },
    select: { id: true, code: true, title: true },
    orderBy: { code: 'asc' },
  });
  return { ...task, splitFrom: related.find((r) => r.id === task.splitFromId) ?? null, splitInto: related.filter((r) => r.id !== task.splitFromId) };
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
