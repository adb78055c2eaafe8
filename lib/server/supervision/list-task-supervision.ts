import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { isoFromDate } from '@/lib/core/schemas/common';
import { isOpenStatus } from '@/lib/core/workflow/task-status';

/**
 * A task's 批示 (instructions) and 催办/督办 (actions), newest first, with what the user may do:
 * urge/supervise (office, leaders in scope; only on an open task), instruct (not on a cancelled task), and answer the open
 * 督办 addressed to their unit.
 */
export async function listTaskSupervision({ user, taskId }: { user: SessionUser; taskId: string }) {
  const task = await db.task.findFirst({ where: { AND: [{ id: taskId }, taskScopeWhere(user)] }, select: { id: true, status: true } });
  if (!task) throw notFound();
  const rows = await db.supervisionAction.findMany({
    where: { taskId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: {
      author: { select: { name: true, title: true } },
      recipientUnit: { select: { shortName: true } },
      responder: { select: { name: true } },
    },
  });
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    createdAt: row.createdAt,
    authorName: row.author.name,
    authorTitle: row.author.title,
    recipientUnit: row.recipientUnit?.shortName ?? null,
    responseDue: row.responseDue ? isoFromDate(row.responseDue) : null,
    response: row.response,
    respondedAt: row.respondedAt,
    responderName: row.responder?.name ?? null,
    escalatedAt: row.escalatedAt,
    canRespond:
      row.kind === 'SUPERVISE' && row.respondedAt === null && user.unitId !== null && row.recipientUnitId === user.unitId && can(user, 'supervision.respond'),
  }));
  return {
    instructions: items.filter((item) => item.kind === 'INSTRUCTION'),
    actions: items.filter((item) => item.kind !== 'INSTRUCTION'),
    canUrge: can(user, 'supervision.urge') && isOpenStatus(task.status),
    canInstruct: can(user, 'supervision.instruct') && task.status !== 'CANCELLED',
  };
}

export type TaskSupervision = Awaited<ReturnType<typeof listTaskSupervision>>;
export type SupervisionItem = TaskSupervision['actions'][number];
