/**
 * Writes a signed checkpoint of every audit shard's head to the database and to the file outside it.
 * Nothing is written when no event came since the last checkpoint. Plain module: also used by
 * `npm run verify`.
 */

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { AUDIT_SHARDS } from '@/lib/core/audit/chain';
import { checkpointOfHeads, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
import { checkpointPayload, type ShardHead } from '@/lib/core/integrity/signed-records';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countySigningKey } from '@/lib/platform/keys/county-keys';
import { appendCheckpointLog, readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';
import { AUDIT_SHARD_LOCK } from '@/lib/server/audit/record-audit-event';

export async function writeAuditCheckpoint(client: PrismaClient, now = new Date()): Promise<CheckpointRecord | null> {
  return client.$transaction(async (tx) => {
    // Holding every shard's append lock (in order, as no appender holds two): every event is
    // committed and none is being added, so each shard's count is exactly its events up to its head.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_SHARD_LOCK}::int, s) FROM generate_series(0, ${AUDIT_SHARDS - 1}::int) s ORDER BY s`;
    // Each shard's head through the (shard, seq) index; shards beyond AUDIT_SHARDS too, should it ever shrink.
    const heads = await tx.$queryRaw<{ shard: number; eventSeq: number; headHash: string; eventCount: number }[]>(Prisma.sql`
      SELECT s AS "shard", h."seq" AS "eventSeq", h."hash" AS "headHash",
        (SELECT count(*)::int FROM "AuditEvent" c WHERE c."shard" = s) AS "eventCount"
      FROM generate_series(0, GREATEST(${AUDIT_SHARDS - 1}::int, (SELECT max("shard") FROM "AuditEvent"))) s
      CROSS JOIN LATERAL (SELECT e."seq", e."hash" FROM "AuditEvent" e WHERE e."shard" = s ORDER BY e."seq" DESC LIMIT 1) h
      ORDER BY s`);
    if (heads.length === 0) return null;
    const fields = checkpointOfHeads(heads satisfies ShardHead[]);
    const last = await tx.auditCheckpoint.findFirst({ orderBy: { seq: 'desc' } });
    if (last && last.eventSeq === fields.eventSeq && last.eventCount === fields.eventCount) return null;
    // Numbered after the file's last line too, so a checkpoint deleted from the database is not reused.
    const fileSeqs = readCheckpointLog().records.map((r) => r.seq);
    const seq = Math.max(last?.seq ?? 0, ...fileSeqs) + 1;
    const checkpoint = { seq, ...fields, at: now.toISOString() };
    const signed = signPayload(checkpointPayload(checkpoint), countySigningKey());
    await tx.auditCheckpoint.create({
      data: { seq, eventSeq: fields.eventSeq, headHash: fields.headHash, eventCount: fields.eventCount, heads: fields.heads as unknown as Prisma.InputJsonValue, keyId: signed.keyId, signature: signed.signature, createdAt: now },
    });
    const record = { ...checkpoint, ...signed };
    // Appended before the commit: if the file cannot be written, the database row is rolled back too.
    appendCheckpointLog(record);
    return record;
  });
}
