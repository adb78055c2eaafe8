import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { TASK_ACTION_PERMISSIONS } from '@/lib/server/auth/abilities';
import { parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent, recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { assertTransition, loadTaskForActor, type TaskForActor } from '@/lib/server/tasks/task-actor';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';
import { taskCancelSchema } from '@/lib/core/schemas/task';
import { transition, TRANSITION_MESSAGES, type ActorKind } from '@/lib/core/workflow/task-status';

const CANCELLED_EXTENSION_REASON = '任务已撤销';

/**
 * Ends a task the caller has loaded and locked as 已撤销 (the pure rule decides who and from which
 * status): the reason and time are kept on the task, a pending extension request is rejected, and
 * one audit row (`task.cancel`, or `task.split` when a split ends it) records the step. The task
 * stays in history; figures, lights, reminders and letters leave it out by its status.
 */
export async function applyTaskCancellation(
  tx: Tx,
  user: SessionUser,
  { task, actor, version, reason, action, parts }: { task: TaskForActor; actor: ActorKind | null; version: number; reason: string; action: 'task.cancel' | 'task.split'; parts?: string[] },
  ip?: string | null,
) {
  if (task.version !== version) throw staleVersion();
  if (!can(user, TASK_ACTION_PERMISSIONS.cancel)) throw new UserFacingError(TRANSITION_MESSAGES.forbidden, 'FORBIDDEN');
  assertTransition(transition(task.status, 'cancel', actor, { reason }));

  const now = new Date();
  const updated = await tx.task.updateMany({
    where: { id: task.id, version },
    data: { status: 'CANCELLED', cancelledAt: now, cancelReason: reason, version: { increment: 1 } },
  });
  if (updated.count === 0) throw staleVersion();
  await refreshTaskLightsOf(tx, [task.id]);

  const pending = await tx.extensionRequest.findMany({ where: { taskId: task.id, decision: 'PENDING' }, select: { id: true } });
  if (pending.length) {
    const decision = { decision: 'REJECTED', decisionReason: CANCELLED_EXTENSION_REASON, deciderId: user.id, decidedAt: now } as const;
    await tx.extensionRequest.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: decision });
    await recordAuditEvents(
      tx,
      pending.map((p) => ({ actorId: user.id, action: 'extension.reject', entity: 'ExtensionRequest', entityId: p.id, before: { decision: 'PENDING' }, after: decision, ip })),
    );
  }

  await recordAuditEvent(tx, {
    actorId: user.id,
    action,
    entity: 'Task',
    entityId: task.id,
    before: { status: task.status, version },
    after: { status: 'CANCELLED', version: version + 1, reason, ...(parts ? { parts } : {}) },
    ip,
  });
  return { version: version + 1 };
}

/** The task's units: lead and co-units, who are told when it is cancelled or split. */
export function taskUnitIds(task: TaskForActor) {
  return [task.leadUnitId, ...task.coUnits.map((c) => c.unitId)];
}

/**
 * 撤销 (督查室): an open task ends as 已撤销 with the reason its units are told. The caller sends the
 * version it read: a task changed since then is refused with 已被他人修改.
 */
export async function cancelTask({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  const { taskId, version, reason } = parseInput(taskCancelSchema, input);
  return db.$transaction(async (tx) => {
    const { task, actor } = await loadTaskForActor(tx, { user, taskId });
    const result = await applyTaskCancellation(tx, user, { task, actor, version, reason, action: 'task.cancel' }, ip);
    await createNotifications(
      tx,
      { unitIds: taskUnitIds(task) },
      { kind: 'task.cancelled', title: `任务已撤销：${task.code} ${task.title}`, body: `撤销理由：${reason}`, link: `/tasks/${task.id}` },
      user.id,
    );
    return result;
  });
}
