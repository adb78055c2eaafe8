import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { supervisionResponseSchema } from '@/lib/core/schemas/supervision';

/**
 * The recipient unit answers a 督办, once. Any other unit (or a 督办 on a task outside the user's
 * scope) gets "not found"; a second answer is refused and the first is kept. The author is notified.
 */
export async function respondToSupervision({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'supervision.respond')) throw forbidden('答复督办');
  const { supervisionId, response } = parseInput(supervisionResponseSchema, input);
  if (!user.unitId) throw notFound();

  return db.$transaction(async (tx) => {
    const before = await tx.supervisionAction.findFirst({
      where: { id: supervisionId, kind: 'SUPERVISE', recipientUnitId: user.unitId, task: taskScopeWhere(user) },
      include: { task: { select: { id: true, title: true } } },
    });
    if (!before) throw notFound();
    // respondedAt in the WHERE makes "answer once" hold under concurrent submissions.
    const updated = await tx.supervisionAction.updateMany({
      where: { id: supervisionId, respondedAt: null },
      data: { response, respondedAt: new Date(), responderId: user.id },
    });
    if (updated.count === 0) throw new UserFacingError('该督办已答复', 'CONFLICT');
    const after = await tx.supervisionAction.findUniqueOrThrow({ where: { id: supervisionId } });
    const { task, ...beforeRow } = before;
    await recordAuditEvent(tx, { actorId: user.id, action: 'supervision.respond', entity: 'SupervisionAction', entityId: supervisionId, before: beforeRow, after, ip });
    await createNotifications(tx, { userIds: [before.authorId] }, {
      kind: 'supervision.responded',
      title: `【督办答复】${task.title}`,
      body: `${user.name}：${response}`,
      link: `/tasks/${task.id}`,
    });
    return after;
  });
}
