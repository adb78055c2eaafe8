import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { TASK_ACTION_PERMISSIONS } from '@/lib/server/auth/abilities';
import { parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications, type NotificationMessage } from '@/lib/server/notifications/create-notifications';
import { assertTransition, loadTaskForActor, type TaskForActor } from '@/lib/server/tasks/task-actor';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';
import { taskTransitionSchema } from '@/lib/core/schemas/task-transition';
import { transition, TRANSITION_MESSAGES, type ActorKind, type DirectTaskAction } from '@/lib/core/workflow/task-status';

type Applied = { task: TaskForActor; actor: ActorKind | null; action: DirectTaskAction; version: number; reason?: string };

function leadUnitMessage(task: TaskForActor, action: DirectTaskAction, reason?: string): NotificationMessage | null {
  const link = `/tasks/${task.id}`;
  const subject = `${task.code} ${task.title}`;
  switch (action) {
    case 'returnToProgress':
      return { kind: 'task.returned', title: `销号申请被退回：${subject}`, body: reason, link };
    case 'approveClosure':
      return { kind: 'task.closed', title: `任务已销号：${subject}`, link };
    case 'reopen':
      return { kind: 'task.reopened', title: `任务重新办理：${subject}`, body: reason, link };
    default:
      return null;
  }
}

/**
 * Takes one state-machine step on a task the caller has loaded and locked. The only path that
 * closes or returns a task: approving or returning the closure request also settles the pending
 * closure report, whether the office acted from the task or from the report.
 */
export async function applyTaskTransition(tx: Tx, user: SessionUser, { task, actor, action, version, reason }: Applied, ip?: string | null) {
  if (task.version !== version) throw staleVersion();
  if (!can(user, TASK_ACTION_PERMISSIONS[action])) throw new UserFacingError(TRANSITION_MESSAGES.forbidden, 'FORBIDDEN');
  const result = transition(task.status, action, actor, { reason });
  assertTransition(result);

  const now = new Date();
  const closedAt = result.status === 'CLOSED' ? now : action === 'reopen' ? null : task.closedAt;
  const updated = await tx.task.updateMany({
    where: { id: task.id, version },
    data: { status: result.status, closedAt, version: { increment: 1 } },
  });
  if (updated.count === 0) throw staleVersion();
  await refreshTaskLightsOf(tx, [task.id]);

  if (action === 'approveClosure' || action === 'returnToProgress') {
    const reviewState = action === 'approveClosure' ? 'ACCEPTED' : 'RETURNED';
    const pending = await tx.progressReport.findMany({ where: { taskId: task.id, closureRequest: true, reviewState: 'PENDING' } });
    for (const report of pending) {
      const review = { reviewState, reviewReason: reason ?? null, reviewedById: user.id, reviewedAt: now } as const;
      await tx.progressReport.update({ where: { id: report.id }, data: review });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: action === 'approveClosure' ? 'report.accept' : 'report.return',
        entity: 'ProgressReport',
        entityId: report.id,
        before: { reviewState: report.reviewState },
        after: review,
        ip,
      });
    }
  }

  await recordAuditEvent(tx, {
    actorId: user.id,
    action: `task.${action}`,
    entity: 'Task',
    entityId: task.id,
    before: { status: task.status, version },
    after: { status: result.status, version: version + 1, ...(reason ? { reason } : {}) },
    ip,
  });
  const message = leadUnitMessage(task, action, reason);
  if (message) await createNotifications(tx, { unitIds: [task.leadUnitId] }, message, user.id);
  return { status: result.status, version: version + 1 };
}

/**
 * 签收, 开始办理 (lead unit); 同意销号, 退回 with a reason, 重新办理 with a reason (office).
 * The caller sends the version it read: a task changed since then is refused with 已被他人修改.
 */
export async function transitionTask({
  user,
  ip,
  ...input
}: {
  user: SessionUser;
  taskId: string;
  version: number | string;
  action: string;
  reason?: string;
  ip?: string | null;
}) {
  const { taskId, version, action, reason } = parseInput(taskTransitionSchema, input);
  return db.$transaction(async (tx) => {
    const { task, actor } = await loadTaskForActor(tx, { user, taskId });
    return applyTaskTransition(tx, user, { task, actor, action, version, reason: reason || undefined }, ip);
  });
}
