import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { isoFromDate } from '@/lib/core/schemas/common';
import { loadSupervisionRows } from '@/lib/server/supervision/load-supervision-rows';

/**
 * A task's 批示 (instructions) and 催办/督办 (actions), newest first, with what the user may do:
 * urge/supervise (office, leaders in scope; only on an open task), instruct (not on a cancelled task), and answer the open
 * 督办 addressed to their unit.
 */
export async function listTaskSupervision({ user, taskId }: { user: SessionUser; taskId: string }) {
  // The rows with their people and units in one statement, beside the scoped read of the task; nothing is returned unless it finds it.
  const [task, rows] = await Promise.all([
    db.task.findFirst({
      where: { AND: [{ id: taskId }, taskScopeWhere(user)] },
      select: { id: true, status: true, leadUnitId: true, coUnits: { select: { unitId: true } } },
    }),
    loadSupervisionRows(taskId),
  ]);
  if (!task) throw notFound();
  const may = taskAbilities(user, { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) });
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    createdAt: row.createdAt,
    authorName: row.authorName,
    authorTitle: row.authorTitle,
    recipientUnit: row.recipientShortName,
    responseDue: row.responseDue ? isoFromDate(row.responseDue) : null,
    response: row.response,
    respondedAt: row.respondedAt,
    responderName: row.responderName,
    escalatedAt: row.escalatedAt,
    canRespond:
      row.kind === 'SUPERVISE' && row.respondedAt === null && user.unitId !== null && row.recipientUnitId === user.unitId && can(user, 'supervision.respond'),
  }));
  return {
    instructions: items.filter((item) => item.kind === 'INSTRUCTION'),
    actions: items.filter((item) => item.kind !== 'INSTRUCTION'),
    canUrge: may.urge,
    canInstruct: may.instruct,
  };
}

export type TaskSupervision = Awaited<ReturnType<typeof listTaskSupervision>>;
export type SupervisionItem = TaskSupervision['actions'][number];
