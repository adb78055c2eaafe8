import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { loadTaskForActor } from '@/lib/server/tasks/task-actor';
import { extensionRequestSchema } from '@/lib/core/schemas/extension';
import { dateFromIso, isoFromDate } from '@/lib/core/schemas/common';
import { canRequestExtension } from '@/lib/core/workflow/task-status';

/**
 * 延期申请 by the lead unit: a deadline later than the current one and a reason. One request
 * may be pending per task; the current deadline is kept on the request as `previousDeadline`.
 */
export async function requestExtension({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'task.requestExtension')) throw forbidden('申请延期');
  const data = parseInput(extensionRequestSchema, input);

  return db.$transaction(async (tx) => {
    const { task, actor } = await loadTaskForActor(tx, { user, taskId: data.taskId });
    if (actor !== 'LEAD_UNIT') throw new UserFacingError('只有牵头单位可以申请延期', 'FORBIDDEN');
    if (!canRequestExtension(task.status, actor)) throw new UserFacingError('已销号或已撤销的任务不能申请延期', 'CONFLICT');
    const requestedDeadline = dateFromIso(data.requestedDeadline);
    if (requestedDeadline <= task.deadline) {
      const message = `新的完成时限应晚于现行时限 ${isoFromDate(task.deadline)}`;
      throw new UserFacingError(message, 'INVALID', { requestedDeadline: [message] });
    }
    // The task row is locked (loadTaskForActor), so two requests cannot both pass this check.
    if (await tx.extensionRequest.count({ where: { taskId: task.id, decision: 'PENDING' } })) {
      throw new UserFacingError('已有待审批的延期申请', 'CONFLICT');
    }
    const request = await tx.extensionRequest.create({
      data: { taskId: task.id, requesterId: user.id, previousDeadline: task.deadline, requestedDeadline, reason: data.reason },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'extension.request', entity: 'ExtensionRequest', entityId: request.id, after: request, ip });
    await createNotifications(
      tx,
      { admins: true },
      {
        kind: 'extension.requested',
        title: `延期申请：${task.code} ${task.title}`,
        body: `申请将完成时限由 ${isoFromDate(task.deadline)} 延至 ${data.requestedDeadline}：${data.reason}`,
        link: `/tasks/${task.id}`,
      },
      user.id,
    );
    return request;
  });
}
