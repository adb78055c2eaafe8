/**
 * A quick check of the audit chain against its signed checkpoints (database and file), for pages:
 * the hash at each anchored event and the event count up to the latest checkpoint. It catches a
 * re-chained history and a truncated tail at once, without walking the whole chain (npm run verify
 * and the scheduled job do that). Plain module.
 */

import { compareCheckpoints, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';
import type { IntegrityClient } from './letter-records';

export async function loadCheckpoints(client: IntegrityClient): Promise<CheckpointRecord[]> {
  const rows = await client.auditCheckpoint.findMany({ orderBy: { seq: 'asc' } });
  return rows.map((r) => ({ seq: r.seq, eventSeq: r.eventSeq, headHash: r.headHash, eventCount: r.eventCount, at: r.createdAt.toISOString(), keyId: r.keyId, signature: r.signature }));
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
  const seqs = [...new Set(all.map((c) => c.eventSeq))];
  const events = await client.auditEvent.findMany({ where: { seq: { in: seqs } }, select: { seq: true, hash: true } });
  const hashes = new Map(events.map((e) => [e.seq, e.hash]));
  const latestCount = latest ? await client.auditEvent.count({ where: { seq: { lte: latest.eventSeq } } }) : null;
  const observed = new Map(
    seqs.map((seq) => {
      const hash = hashes.get(seq);
      return [seq, hash === undefined ? null : { hash, count: seq === latest?.eventSeq ? latestCount : null }];
    }),
  );
  const problems = [
    ...log.unreadableLines.map((line) => `审计核验点文件第 ${line} 行无法读取（文件被改动？）`),
    ...compareCheckpoints({ database, file: log.records, observed, publicKeys }).map((p) => `审计核验点 #${p.checkpointSeq}：${p.zh}`),
  ];
  return { problems, latest };
}
