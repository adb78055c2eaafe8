import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { taskUpdateSchema } from '@/lib/core/schemas/task';
import { dateFromIso } from '@/lib/core/schemas/common';

/**
 * Edits a task's assignment (督查室 only). The caller sends the version it read; a task changed
 * since then is refused with 已被他人修改 instead of being silently overwritten.
 */
export async function updateTask({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'task.edit')) throw forbidden('修改任务');
  const { taskId, version, coUnitIds, leaderIds, startDate, deadline, ...fields } = parseInput(taskUpdateSchema, input);

  return db.$transaction(async (tx) => {
    const before = await tx.task.findUnique({ where: { id: taskId }, include: { coUnits: true, leaders: true } });
    if (!before) throw notFound();
    const nextStart = startDate ? dateFromIso(startDate) : before.startDate;
    const nextDeadline = deadline ? dateFromIso(deadline) : before.deadline;
    if (nextDeadline < nextStart) throw new UserFacingError('完成时限不能早于开始日期', 'INVALID', { deadline: ['完成时限不能早于开始日期'] });
    const leadUnitId = fields.leadUnitId ?? before.leadUnitId;
    if ((coUnitIds ?? before.coUnits.map((c) => c.unitId)).includes(leadUnitId)) {
      throw new UserFacingError('配合单位不能与牵头单位相同', 'INVALID', { coUnitIds: ['配合单位不能与牵头单位相同'] });
    }

    // The version in the WHERE makes the check and the write one atomic step.
    const updated = await tx.task.updateMany({
      where: { id: taskId, version },
      data: {
        ...fields,
        startDate: nextStart,
        deadline: nextDeadline,
        ...(deadline ? { deadlineInferred: false, deadlineText: null } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw staleVersion();
    if (coUnitIds) {
      await tx.taskCoUnit.deleteMany({ where: { taskId } });
      await tx.taskCoUnit.createMany({ data: coUnitIds.map((unitId) => ({ taskId, unitId })) });
    }
    if (leaderIds) {
      await tx.taskLeader.deleteMany({ where: { taskId } });
      await tx.taskLeader.createMany({ data: leaderIds.map((leaderId) => ({ taskId, leaderId })) });
    }
    const after = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: { coUnits: true, leaders: true } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'task.update', entity: 'Task', entityId: taskId, before, after });
    return after;
  });
}
