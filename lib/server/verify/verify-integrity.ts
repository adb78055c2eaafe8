/**
 * Integrity check over everything the application seals: each letter version (content →
 * canonical text → hash, and the county's SM2 seal), each signature (its own hash, the hash it
 * covers, its SM2 signature, its audit record), whether every signature the audit chain recorded
 * still exists, the audit chain itself, and the signed checkpoints (in the database and in the
 * file outside it) that anchor the chain, and each published assessment result (its stored rows →
 * canonical text → hash, the county's SM2 seal, the hash the audit chain recorded at publication).
 * A row changed behind the application's back shows up as one line per problem. Plain module (no
 * server-only): used by `npm run verify` and by the tests.
 */

import { auditEventHash, verifyChainPage, type StoredAuditEvent } from '@/lib/core/audit/chain';
import { checkpointHeads, compareCheckpoints, type ObservedChain } from '@/lib/core/audit/checkpoints';
import { checkPublishedAssessment } from '@/lib/core/assessment/published-check';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';
import { loadCheckpoints } from './check-audit-anchors';
import { checkLetters, letterSelect, SIGNATURE_ACTIONS, type IntegrityClient } from './letter-records';

export type { IntegrityClient } from './letter-records';

export type IntegrityReport = {
  problems: string[];
  checked: { versions: number; signatures: number; assessments: number; auditEvents: number; checkpoints: number };
};

async function checkVersions(client: IntegrityClient, batchSize: number, publicKeys: ReadonlyMap<string, string>, problems: string[]) {
  let versions = 0;
  let signatures = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await client.commitmentVersion.findMany({
      orderBy: { id: 'asc' },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: letterSelect,
    });
    if (batch.length === 0) return { versions, signatures };
    const found = await checkLetters(client, batch, publicKeys);
    for (const v of batch) {
      const where = `${v.commitment.unit.name}, ${v.commitment.year}, v${v.version}`;
      for (const problem of found.get(v.id)!) {
        const role = v.signatures.find((s) => s.id === problem.id)?.signerRole;
        problems.push(`${problem.record === 'version' ? `commitment version ${v.id}` : `signature ${problem.id}`} (${where}${role ? `, ${role}` : ''}): ${problem.en}`);
      }
      signatures += v.signatures.length;
    }
    versions += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}

/** Rows the audit chain says were created and that are gone: a deleted signature or letter version. */
async function checkRecordedRowsExist(client: IntegrityClient, problems: string[]) {
  const recorded = await client.auditEvent.findMany({
    where: { OR: [{ entity: 'Signature', action: { in: SIGNATURE_ACTIONS } }, { entity: 'CommitmentVersion', action: 'commitment.issue' }] },
    orderBy: { seq: 'asc' },
    select: { seq: true, entity: true, entityId: true },
  });
  const ids = (entity: string) => recorded.filter((e) => e.entity === entity).map((e) => e.entityId);
  const signatures = await client.signature.findMany({ where: { id: { in: ids('Signature') } }, select: { id: true } });
  const versions = await client.commitmentVersion.findMany({ where: { id: { in: ids('CommitmentVersion') } }, select: { id: true } });
  const present = new Set([...signatures, ...versions].map((r) => r.id));
  for (const event of recorded) {
    if (!present.has(event.entityId)) {
      const what = event.entity === 'Signature' ? 'signature' : 'commitment version';
      problems.push(`${what} ${event.entityId} (recorded by audit event seq ${event.seq}): missing from the database`);
    }
  }
}

/**
 * Published assessment results: each must still match what was published and sealed, and every result
 * the audit chain says was published must still be published with the hash it recorded (setting the
 * status back to 草稿 to rewrite the scores shows here).
 */
async function checkAssessments(client: IntegrityClient, publicKeys: ReadonlyMap<string, string>, problems: string[]) {
  const recorded = await client.auditEvent.findMany({
    where: { entity: 'Assessment', action: 'assessment.publish' },
    orderBy: { seq: 'asc' },
    select: { seq: true, entityId: true, after: true },
  });
  const rows = await client.assessment.findMany({
    where: { OR: [{ status: 'PUBLISHED' }, { id: { in: recorded.map((e) => e.entityId) } }] },
    orderBy: { year: 'asc' },
  });
  for (const row of rows) {
    const where = `assessment ${row.id} (${row.year})`;
    const publication = recorded.findLast((e) => e.entityId === row.id);
    if (row.status !== 'PUBLISHED') {
      problems.push(`${where}: published (audit event seq ${publication!.seq}) but now ${row.status}`);
      continue;
    }
    for (const problem of checkPublishedAssessment(row, publicKeys)) problems.push(`${where}: ${problem.en}`);
    if (!publication) problems.push(`${where}: no audit record of its publication`);
    else if ((publication.after as { contentHash?: unknown } | null)?.contentHash !== row.contentHash) problems.push(`${where}: content hash differs from the audit record`);
  }
  const present = new Set(rows.map((row) => row.id));
  for (const event of recorded) {
    if (!present.has(event.entityId)) problems.push(`assessment ${event.entityId} (recorded by audit event seq ${event.seq}): missing from the database`);
  }
  return rows.length;
}

/** The events after `afterSeq` in seq order; with null, from the very first (an event slipped in at seq 0 or below too). */
function auditPage(client: IntegrityClient, afterSeq: number | null, take: number) {
  return client.auditEvent.findMany({
    where: afterSeq === null ? {} : { seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take,
    select: { seq: true, shard: true, prevHash: true, actorId: true, action: true, entity: true, entityId: true, before: true, after: true, createdAt: true, via: true, hash: true },
  });
}

/**
 * Walks every shard's chain in one pass in seq order; records the event at each anchored head seq
 * and, for each checkpoint's eventSeq, how many events each shard has up to it.
 */
async function checkAuditChain(
  client: IntegrityClient,
  batchSize: number,
  anchored: { heads: ReadonlySet<number>; checkpoints: readonly number[] },
  problems: string[],
) {
  const events = new Map<number, { shard: number; hash: string } | null>();
  const counts = new Map<number, Map<number, number>>();
  const boundaries = [...new Set(anchored.checkpoints)].sort((a, b) => a - b);
  let nextBoundary = 0;
  const perShard = new Map<number, number>();
  const heads = new Map<number, string | null>();
  let count = 0;
  let lastSeq: number | null = null;
  for (;;) {
    const rows = await auditPage(client, lastSeq, batchSize);
    if (rows.length === 0) break;
    const page: StoredAuditEvent[] = rows.map((r) => ({
      prevHash: r.prevHash,
      shard: r.shard,
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      at: r.createdAt.toISOString(),
      via: r.via,
      hash: r.hash,
    }));
    for (const index of verifyChainPage(page, heads)) {
      const event = page[index]!;
      let hashOk: boolean;
      try {
        hashOk = auditEventHash(event) === event.hash;
      } catch {
        hashOk = false;
      }
      const where = event.shard ? ` (shard ${event.shard})` : '';
      problems.push(`audit event seq ${rows[index]!.seq}${where}: ${hashOk ? 'chain link broken (previous event changed or removed)' : 'hash mismatch'}`);
    }
    for (const row of rows) {
      while (nextBoundary < boundaries.length && row.seq > boundaries[nextBoundary]!) counts.set(boundaries[nextBoundary++]!, new Map(perShard));
      perShard.set(row.shard, (perShard.get(row.shard) ?? 0) + 1);
      if (anchored.heads.has(row.seq)) events.set(row.seq, { shard: row.shard, hash: row.hash });
    }
    count += rows.length;
    lastSeq = rows[rows.length - 1]!.seq;
  }
  while (nextBoundary < boundaries.length) counts.set(boundaries[nextBoundary++]!, new Map(perShard));
  for (const seq of anchored.heads) if (!events.has(seq)) events.set(seq, null);
  const observed: ObservedChain = { events, counts };
  return { count, observed };
}

/** Recomputes every stored seal and signature; `problems` is empty when nothing was changed outside the app. */
export async function verifyIntegrity(
  client: IntegrityClient,
  { batchSize = 5000, publicKeys = countyPublicKeys() }: { batchSize?: number; publicKeys?: ReadonlyMap<string, string> } = {},
): Promise<IntegrityReport> {
  const problems: string[] = [];
  const { versions, signatures } = await checkVersions(client, batchSize, publicKeys, problems);
  await checkRecordedRowsExist(client, problems);
  const assessments = await checkAssessments(client, publicKeys, problems);

  const database = await loadCheckpoints(client);
  const log = readCheckpointLog();
  for (const line of log.unreadableLines) problems.push(`audit checkpoint log line ${line}: unreadable (file edited?)`);
  const checkpoints = [...database, ...log.records];
  const anchored = { heads: new Set(checkpoints.flatMap((c) => checkpointHeads(c).map((h) => h.eventSeq))), checkpoints: checkpoints.map((c) => c.eventSeq) };
  const chain = await checkAuditChain(client, batchSize, anchored, problems);
  for (const problem of compareCheckpoints({ database, file: log.records, observed: chain.observed, publicKeys })) {
    problems.push(`audit checkpoint ${problem.checkpointSeq}: ${problem.en}`);
  }
  return { problems, checked: { versions, signatures, assessments, auditEvents: chain.count, checkpoints: new Set(checkpoints.map((c) => c.seq)).size } };
}
