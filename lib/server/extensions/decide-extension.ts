import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { loadTaskForActor } from '@/lib/server/tasks/task-actor';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';
import { extensionDecisionSchema } from '@/lib/core/schemas/extension';
import { isoFromDate } from '@/lib/core/schemas/common';
import { canDecideExtension } from '@/lib/core/workflow/task-status';

/**
 * The office approves or rejects (with a reason) a pending extension request. Approval moves the
 * task's deadline; the old one stays on the request and in the audit trail. Deadline reminders
 * are keyed by the deadline date, so they fire again for the new one without further work.
 */
export async function decideExtension({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'extension.decide')) throw forbidden('审批延期');
  const { extensionId, decision, reason, version } = parseInput(extensionDecisionSchema, input);

  return db.$transaction(async (tx) => {
    const found = await tx.extensionRequest.findUnique({ where: { id: extensionId }, select: { taskId: true } });
    if (!found) throw notFound();
    const { task, actor } = await loadTaskForActor(tx, { user, taskId: found.taskId });
    if (!canDecideExtension(actor)) throw forbidden('审批延期');
    const request = await tx.extensionRequest.findUniqueOrThrow({ where: { id: extensionId } });
    if (request.decision !== 'PENDING') throw new UserFacingError('该延期申请已审批，请刷新后查看', 'CONFLICT');
    // The office may have moved the deadline since the request; approving must never shorten it.
    if (decision === 'approve' && request.requestedDeadline <= task.deadline) {
      throw new UserFacingError(`申请的时限不晚于现行完成时限 ${isoFromDate(task.deadline)}，请驳回`, 'CONFLICT');
    }

    const decided = {
      decision: decision === 'approve' ? 'APPROVED' : 'REJECTED',
      decisionReason: reason ?? null,
      deciderId: user.id,
      decidedAt: new Date(),
    } as const;
    const updated = await tx.extensionRequest.updateMany({ where: { id: extensionId, decision: 'PENDING' }, data: decided });
    if (updated.count === 0) throw staleVersion();
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: decision === 'approve' ? 'extension.approve' : 'extension.reject',
      entity: 'ExtensionRequest',
      entityId: extensionId,
      before: { decision: request.decision },
      after: decided,
      ip,
    });

    if (decision === 'approve') {
      // As when the office edits a deadline: the parsed phrase no longer describes the new date.
      const moved = await tx.task.updateMany({
        where: { id: task.id, version },
        data: { deadline: request.requestedDeadline, deadlineText: null, deadlineInferred: false, version: { increment: 1 } },
      });
      if (moved.count === 0) throw staleVersion();
      await refreshTaskLightsOf(tx, [task.id]);
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: 'task.deadline.extend',
        entity: 'Task',
        entityId: task.id,
        before: { deadline: task.deadline, deadlineText: task.deadlineText, deadlineInferred: task.deadlineInferred, version: task.version },
        after: { deadline: request.requestedDeadline, deadlineText: null, deadlineInferred: false, version: task.version + 1, extensionId },
        ip,
      });
    }

    const subject = `${task.code} ${task.title}`;
    await createNotifications(
      tx,
      { unitIds: [task.leadUnitId] },
      decision === 'approve'
        ? {
            kind: 'extension.approved',
            title: `延期申请已批准：${subject}`,
            body: `完成时限由 ${isoFromDate(task.deadline)} 调整为 ${isoFromDate(request.requestedDeadline)}`,
            link: `/tasks/${task.id}`,
          }
        : { kind: 'extension.rejected', title: `延期申请被驳回：${subject}`, body: reason, link: `/tasks/${task.id}` },
      user.id,
    );
    return { ...request, ...decided };
  });
}
