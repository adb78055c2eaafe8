/**
 * A quick check of the audit chain against its signed checkpoints (database and file), for pages:
 * the hash at each anchored head and the event count per shard up to the latest checkpoint. It catches a
 * re-chained history and a truncated tail at once, without walking the whole chain (npm run verify
 * and the scheduled job do that). Plain module.
 */

import { checkpointHeads, compareCheckpoints, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
import type { ShardHead } from '@/lib/core/integrity/signed-records';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';
import type { IntegrityClient } from './letter-records';

export async function loadCheckpoints(client: IntegrityClient): Promise<CheckpointRecord[]> {
  const rows = await client.auditCheckpoint.findMany({ orderBy: { seq: 'asc' } });
  return rows.map((r) => ({
    seq: r.seq,
    eventSeq: r.eventSeq,
    headHash: r.headHash,
    eventCount: r.eventCount,
    at: r.createdAt.toISOString(),
    keyId: r.keyId,
    signature: r.signature,
    ...(r.heads ? { heads: r.heads as unknown as ShardHead[] } : {}),
  }));
}

export type AuditAnchorStatus = {
  /** In Chinese, one per problem; empty when the chain matches every checkpoint. */
  problems: string[];
  /** The newest checkpoint (from the file, else the database). */
  latest: CheckpointRecord | null;
};

export async function checkAuditAnchors(client: IntegrityClient, publicKeys: ReadonlyMap<string, string> = countyPublicKeys()): Promise<AuditAnchorStatus> {
  const database = await loadCheckpoints(client);
  const log = readCheckpointLog();
  const all = [...database, ...log.records];
  const latest = all.reduce<CheckpointRecord | null>((best, c) => (!best || c.seq > best.seq ? c : best), null);
  const seqs = [...new Set(all.flatMap((c) => checkpointHeads(c).map((h) => h.eventSeq)))];
  const found = await client.auditEvent.findMany({ where: { seq: { in: seqs } }, select: { seq: true, shard: true, hash: true } });
  const bySeq = new Map(found.map((e) => [e.seq, { shard: e.shard, hash: e.hash }]));
  const events = new Map(seqs.map((seq) => [seq, bySeq.get(seq) ?? null]));
  const counts = new Map<number, Map<number, number>>();
  if (latest) {
    const perShard = await client.auditEvent.groupBy({ by: ['shard'], where: { seq: { lte: latest.eventSeq } }, _count: { _all: true } });
    counts.set(latest.eventSeq, new Map(perShard.map((g) => [g.shard, g._count._all])));
  }
  const observed = { events, counts };
  const problems = [
    ...log.unreadableLines.map((line) => `审计核验点文件第 ${line} 行无法读取（文件被改动？）`),
    ...compareCheckpoints({ database, file: log.records, observed, publicKeys }).map((p) => `审计核验点 #${p.checkpointSeq}：${p.zh}`),
  ];
  return { problems, latest };
}
