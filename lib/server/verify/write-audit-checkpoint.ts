/**
 * Writes a signed checkpoint of the audit chain's head to the database and to the file outside it.
 * Nothing is written when no event came since the last checkpoint. Plain module: also used by
 * `npm run verify`.
 */

import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { CheckpointRecord } from '@/lib/core/audit/checkpoints';
import { checkpointPayload } from '@/lib/core/integrity/signed-records';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countySigningKey } from '@/lib/platform/keys/county-keys';
import { appendCheckpointLog, readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';
import { AUDIT_CHAIN_LOCK } from '@/lib/server/audit/record-audit-event';

export async function writeAuditCheckpoint(client: PrismaClient, now = new Date()): Promise<CheckpointRecord | null> {
  return client.$transaction(async (tx) => {
    // Holding the chain's append lock: every event up to the head is committed and none is being added.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
    if (!head) return null;
    const last = await tx.auditCheckpoint.findFirst({ orderBy: { seq: 'desc' } });
    if (last?.eventSeq === head.seq) return null;
    // Numbered after the file's last line too, so a checkpoint deleted from the database is not reused.
    const fileSeqs = readCheckpointLog().records.map((r) => r.seq);
    const seq = Math.max(last?.seq ?? 0, ...fileSeqs) + 1;
    const eventCount = await tx.auditEvent.count({ where: { seq: { lte: head.seq } } });
    const fields = { seq, eventSeq: head.seq, headHash: head.hash, eventCount, at: now.toISOString() };
    const signed = signPayload(checkpointPayload(fields), countySigningKey());
    await tx.auditCheckpoint.create({
      data: { seq, eventSeq: head.seq, headHash: head.hash, eventCount, keyId: signed.keyId, signature: signed.signature, createdAt: now },
    });
    const record = { ...fields, ...signed };
    // Appended before the commit: if the file cannot be written, the database row is rolled back too.
    appendCheckpointLog(record);
    return record;
  });
}
