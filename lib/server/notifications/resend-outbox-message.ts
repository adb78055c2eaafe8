import 'server-only';
import { resendSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';

/**
 * 重发: a failed or uncertain message is copied to a new outbox row (a new idempotency key: the
 * office decided it should go again), sent by the next worker run. The original stays as it was.
 */
export async function resendOutboxMessage({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { messageId } = parseInput(resendSchema, input);
  return db.$transaction(async (tx) => {
    const original = await tx.outboxMessage.findUnique({ where: { id: messageId } });
    if (!original) throw notFound();
    if (original.status !== 'FAILED' && original.status !== 'UNCERTAIN') throw new UserFacingError('只有失败或状态不明的消息可以重发', 'CONFLICT');
    if (await tx.outboxMessage.findFirst({ where: { resentFromId: original.id } })) throw new UserFacingError('该消息已重发过', 'CONFLICT');
    const copy = await tx.outboxMessage.create({
      data: { channelId: original.channelId, kind: original.kind, unitId: original.unitId, userId: original.userId, address: original.address, subject: original.subject, text: original.text, link: original.link, resentFromId: original.id },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.resend', entity: 'OutboxMessage', entityId: original.id, after: { copyId: copy.id }, ip });
    return copy;
  });
}
