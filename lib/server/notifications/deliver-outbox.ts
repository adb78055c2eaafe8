import 'server-only';
import { MAX_ATTEMPTS, nextAttemptAt, SENDING_LEASE_MS } from '@/lib/core/notify/delivery-schedule';
import { db } from '@/lib/server/db';
import { DeliveryError, receiverDedupes, sendThroughChannel } from '@/lib/server/notifications/channel-transports';

/** A JS instant as Prisma stores it in a `timestamp(3)` column (UTC, no zone), for raw SQL. */
const sqlTimestamp = (instant: Date) => instant.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Claims due messages: each row is marked SENDING with a fresh attempt id in one committed statement
 * (FOR UPDATE SKIP LOCKED, so concurrent workers take different rows) before anything is sent.
 */
export async function claimDueMessages(now: Date, limit: number, onlyId?: string) {
  const claimed = await db.$queryRaw<{ id: string; attemptId: string }[]>`
    UPDATE "OutboxMessage" SET "status" = 'SENDING', "attemptId" = gen_random_uuid()::text, "claimedAt" = ${sqlTimestamp(now)}::timestamp, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT o."id" FROM "OutboxMessage" o JOIN "NotifyChannel" c ON c."id" = o."channelId"
      WHERE o."status" = 'PENDING' AND o."dueAt" <= ${sqlTimestamp(now)}::timestamp AND c."active"
        AND (${onlyId ?? null}::text IS NULL OR o."id" = ${onlyId ?? null}::text)
      ORDER BY o."dueAt" LIMIT ${limit} FOR UPDATE OF o SKIP LOCKED)
    RETURNING "id", "attemptId"`;
  return claimed;
}

export type SendOutcome = 'sent' | 'retrying' | 'failed' | 'lost';

/**
 * Sends one claimed message and records the result — only if the row still carries this attempt id
 * (a worker presumed dead cannot overwrite a later attempt's record).
 */
export async function sendClaimedMessage(claim: { id: string; attemptId: string }, now = new Date()): Promise<SendOutcome> {
  const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: claim.id }, include: { channel: true } });
  let error: string | null = null;
  try {
    await sendThroughChannel(message.channel, message);
  } catch (caught) {
    error = caught instanceof DeliveryError ? caught.message : `发送出错：${caught instanceof Error ? caught.message : String(caught)}`;
  }
  const mine = { id: claim.id, attemptId: claim.attemptId, status: 'SENDING' as const };
  if (error === null) {
    const { count } = await db.outboxMessage.updateMany({ where: mine, data: { status: 'SENT', sentAt: new Date(), lastError: null } });
    return count === 1 ? 'sent' : 'lost';
  }
  const retryAt = message.attempts < MAX_ATTEMPTS ? nextAttemptAt(message.attempts, now) : null;
  const { count } = await db.outboxMessage.updateMany({
    where: mine,
    data: retryAt ? { status: 'PENDING', dueAt: retryAt, lastError: error.slice(0, 1000) } : { status: 'FAILED', lastError: error.slice(0, 1000) },
  });
  if (count === 0) return 'lost';
  return retryAt ? 'retrying' : 'failed';
}

/**
 * Messages left SENDING past the lease belong to a worker that stopped between claiming and
 * recording: the message may or may not have gone out. Where the receiver recognises our
 * idempotency key it is sent again (same key); elsewhere it becomes UNCERTAIN, shown in the
 * delivery log for the office to check and resend — never sent twice on its own.
 */
export async function recoverAbandonedMessages(now: Date) {
  const stale = await db.outboxMessage.findMany({
    where: { status: 'SENDING', claimedAt: { lt: new Date(now.getTime() - SENDING_LEASE_MS) } },
    select: { id: true, attemptId: true, channel: { select: { id: true, kind: true, config: true, secret: true } } },
  });
  let requeued = 0;
  let uncertain = 0;
  for (const row of stale) {
    const retry = receiverDedupes(row.channel);
    const { count } = await db.outboxMessage.updateMany({
      where: { id: row.id, attemptId: row.attemptId, status: 'SENDING' },
      data: retry ? { status: 'PENDING', dueAt: now, lastError: '发送中断，按幂等键重发' } : { status: 'UNCERTAIN', lastError: '发送中断：可能已送达，未自动重发' },
    });
    if (retry) requeued += count;
    else uncertain += count;
  }
  return { requeued, uncertain };
}

/** The delivery worker's run (every minute): recover abandoned sends, then send what is due. */
export async function deliverOutbox({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}) {
  const { requeued, uncertain } = await recoverAbandonedMessages(now);
  const claims = await claimDueMessages(now, limit);
  const counts = { claimed: claims.length, sent: 0, retrying: 0, failed: 0, lost: 0, requeued, uncertain };
  for (const claim of claims) counts[await sendClaimedMessage(claim, now)] += 1;
  return counts;
}
