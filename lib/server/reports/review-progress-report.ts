import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { loadTaskForActor } from '@/lib/server/tasks/task-actor';
import { applyTaskTransition } from '@/lib/server/tasks/transition-task';
import { reportReviewSchema } from '@/lib/core/schemas/report';

/**
 * The office accepts a progress report or returns it with a reason. A pending closure request
 * is decided through the task's state machine (同意销号 closes the task, 退回 returns it to
 * 办理中), the same single path the task page's buttons use, so status, report and audit agree.
 */
export async function reviewProgressReport({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'report.review')) throw forbidden('审核报告');
  const { reportId, decision, reason, version } = parseInput(reportReviewSchema, input);

  return db.$transaction(async (tx) => {
    const found = await tx.progressReport.findUnique({ where: { id: reportId }, select: { taskId: true } });
    if (!found) throw notFound();
    const { task, actor } = await loadTaskForActor(tx, { user, taskId: found.taskId });
    const report = await tx.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    if (report.reviewState !== 'PENDING') throw new UserFacingError('该报告已审核，请刷新后查看', 'CONFLICT');

    if (report.closureRequest && task.status === 'CLOSURE_REQUESTED') {
      const action = decision === 'accept' ? 'approveClosure' : 'returnToProgress';
      await applyTaskTransition(tx, user, { task, actor, action, version, reason }, ip);
      return tx.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    }

    const review = {
      reviewState: decision === 'accept' ? 'ACCEPTED' : 'RETURNED',
      reviewReason: reason ?? null,
      reviewedById: user.id,
      reviewedAt: new Date(),
    } as const;
    const updated = await tx.progressReport.updateMany({ where: { id: reportId, reviewState: 'PENDING' }, data: review });
    if (updated.count === 0) throw staleVersion();
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: decision === 'accept' ? 'report.accept' : 'report.return',
      entity: 'ProgressReport',
      entityId: reportId,
      before: { reviewState: report.reviewState },
      after: review,
      ip,
    });
    if (decision === 'return') {
      await createNotifications(
        tx,
        { unitIds: [report.unitId] },
        { kind: 'report.returned', title: `进度报告被退回：${task.code} ${task.title}`, body: reason, link: `/tasks/${task.id}` },
        user.id,
      );
    }
    return { ...report, ...review };
  });
}
