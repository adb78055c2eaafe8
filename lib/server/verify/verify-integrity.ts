/**
 * Integrity check over everything the application seals: each letter version (content →
 * canonical text → hash, and the county's SM2 seal), each signature (its own hash, the hash it
 * covers, its SM2 signature, its audit record), whether every signature the audit chain recorded
 * still exists, the audit chain itself, and the signed checkpoints (in the database and in the
 * file outside it) that anchor the chain. A row changed behind the application's back shows up
 * as one line per problem. Plain module (no server-only): used by `npm run verify` and by the tests.
 */

import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { auditEventHash, verifyChain, type StoredAuditEvent } from '@/lib/core/audit/chain';
import { compareCheckpoints, type CheckpointRecord, type ObservedHead } from '@/lib/core/audit/checkpoints';
import { checkLetterRecord } from '@/lib/core/integrity/signed-records';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { readCheckpointLog } from '@/lib/platform/keys/checkpoint-log';

export type IntegrityReport = {
  problems: string[];
  checked: { versions: number; signatures: number; auditEvents: number; checkpoints: number };
};

/** The full client or a transaction (tests run attacks inside one and roll back). */
export type IntegrityClient = PrismaClient | Prisma.TransactionClient;

type AuditAfter = Record<string, unknown> | null;

export const SIGNATURE_ACTIONS = ['commitment.sign', 'commitment.countersign'];

/** `after` snapshots of the audit events that recorded the given rows, by entity id. */
async function auditAfters(client: IntegrityClient, entity: string, actions: string[], entityIds: string[]) {
  const events = await client.auditEvent.findMany({
    where: { entity, action: { in: actions }, entityId: { in: entityIds } },
    select: { entityId: true, after: true },
  });
  return new Map(events.map((e) => [e.entityId, e.after as AuditAfter]));
}

export const letterSelect = {
  id: true,
  commitmentId: true,
  version: true,
  status: true,
  content: true,
  canonical: true,
  contentHash: true,
  sealKeyId: true,
  sealSignature: true,
  commitment: { select: { unitId: true, year: true, unit: { select: { name: true } } } },
  signatures: {
    select: {
      id: true,
      signerId: true,
      signerRole: true,
      signerName: true,
      signedHash: true,
      signatureHash: true,
      signedAt: true,
      keyId: true,
      keySignature: true,
      ip: true,
      userAgent: true,
    },
  },
} satisfies Prisma.CommitmentVersionSelect;

type LetterRow = Prisma.CommitmentVersionGetPayload<{ select: typeof letterSelect }>;

/** Seal, county signatures and required signatures of one stored version (see checkLetterRecord). */
export function letterRecordProblems(v: LetterRow, publicKeys: ReadonlyMap<string, string>) {
  return checkLetterRecord({ ...v, versionId: v.id }, v.signatures, publicKeys);
}

const SIGNATURE_FIELDS = ['signerId', 'signerRole', 'signerName', 'signedHash', 'signatureHash', 'ip', 'userAgent', 'signedAt'] as const;
type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** A signature column as the audit snapshot stores it (JSON: dates as ISO strings). */
function signatureField(row: Record<SignatureField, string | Date | null>, field: SignatureField) {
  const value = row[field];
  return value instanceof Date ? value.toISOString() : value;
}

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
    const issued = await auditAfters(client, 'CommitmentVersion', ['commitment.issue'], batch.map((v) => v.id));
    const recorded = await auditAfters(client, 'Signature', SIGNATURE_ACTIONS, batch.flatMap((v) => v.signatures.map((s) => s.id)));
    for (const v of batch) {
      const where = `${v.commitment.unit.name}, ${v.commitment.year}, v${v.version}`;
      const versionLabel = `commitment version ${v.id} (${where})`;
      const signatureLabel = (id: string) => `signature ${id} (${where}, ${v.signatures.find((s) => s.id === id)!.signerRole})`;
      for (const problem of letterRecordProblems(v, publicKeys)) {
        problems.push(`${problem.record === 'version' ? versionLabel : signatureLabel(problem.id)}: ${problem.en}`);
      }
      if (v.status !== 'DRAFT') {
        // The issue event fixed the hash in the audit chain; a consistent rewrite of all three columns still shows here.
        const record = issued.get(v.id);
        if (!record) problems.push(`${versionLabel}: no audit record of its issue`);
        else if (record.contentHash !== v.contentHash) problems.push(`${versionLabel}: content hash differs from the audit record`);
      }
      // The audit event holds the whole row as signed, so fields outside the hash (IP, browser) are covered too.
      for (const s of v.signatures) {
        const record = recorded.get(s.id);
        if (!record) problems.push(`${signatureLabel(s.id)}: no audit record of the signature`);
        else {
          const changed = SIGNATURE_FIELDS.filter((field) => record[field] !== signatureField(s, field));
          if (changed.length > 0) problems.push(`${signatureLabel(s.id)}: differs from the audit record (${changed.join(', ')})`);
        }
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
  const [signatures, versions] = await Promise.all([
    client.signature.findMany({ where: { id: { in: ids('Signature') } }, select: { id: true } }),
    client.commitmentVersion.findMany({ where: { id: { in: ids('CommitmentVersion') } }, select: { id: true } }),
  ]);
  const present = new Set([...signatures, ...versions].map((r) => r.id));
  for (const event of recorded) {
    if (!present.has(event.entityId)) {
      const what = event.entity === 'Signature' ? 'signature' : 'commitment version';
      problems.push(`${what} ${event.entityId} (recorded by audit event seq ${event.seq}): missing from the database`);
    }
  }
}

/** Walks the chain; records, for each anchored event seq, its hash and the number of events up to it. */
async function checkAuditChain(client: IntegrityClient, batchSize: number, anchored: ReadonlySet<number>, problems: string[]) {
  const observed = new Map<number, ObservedHead>();
  let count = 0;
  let lastSeq = 0;
  let anchor: string | null = null;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: { seq: { gt: lastSeq } },
      orderBy: { seq: 'asc' },
      take: batchSize,
      select: { seq: true, prevHash: true, actorId: true, action: true, entity: true, entityId: true, before: true, after: true, createdAt: true, hash: true },
    });
    if (rows.length === 0) break;
    const events: StoredAuditEvent[] = rows.map((r) => ({
      prevHash: r.prevHash,
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      at: r.createdAt.toISOString(),
      hash: r.hash,
    }));
    for (const index of verifyChain(events, { anchorPrevHash: anchor })) {
      const event = events[index]!;
      let hashOk: boolean;
      try {
        hashOk = auditEventHash(event) === event.hash;
      } catch {
        hashOk = false;
      }
      problems.push(`audit event seq ${rows[index]!.seq}: ${hashOk ? 'chain link broken (previous event changed or removed)' : 'hash mismatch'}`);
    }
    rows.forEach((row, index) => {
      if (anchored.has(row.seq)) observed.set(row.seq, { hash: row.hash, count: count + index + 1 });
    });
    count += rows.length;
    lastSeq = rows[rows.length - 1]!.seq;
    anchor = rows[rows.length - 1]!.hash;
  }
  for (const seq of anchored) if (!observed.has(seq)) observed.set(seq, null);
  return { count, observed };
}

export async function loadCheckpoints(client: IntegrityClient): Promise<CheckpointRecord[]> {
  const rows = await client.auditCheckpoint.findMany({ orderBy: { seq: 'asc' } });
  return rows.map((r) => ({ seq: r.seq, eventSeq: r.eventSeq, headHash: r.headHash, eventCount: r.eventCount, at: r.createdAt.toISOString(), keyId: r.keyId, signature: r.signature }));
}

/** Recomputes every stored seal and signature; `problems` is empty when nothing was changed outside the app. */
export async function verifyIntegrity(
  client: IntegrityClient,
  { batchSize = 5000, publicKeys = countyPublicKeys() }: { batchSize?: number; publicKeys?: ReadonlyMap<string, string> } = {},
): Promise<IntegrityReport> {
  const problems: string[] = [];
  const { versions, signatures } = await checkVersions(client, batchSize, publicKeys, problems);
  await checkRecordedRowsExist(client, problems);

  const database = await loadCheckpoints(client);
  const log = readCheckpointLog();
  for (const line of log.unreadableLines) problems.push(`audit checkpoint log line ${line}: unreadable (file edited?)`);
  const anchored = new Set([...database, ...log.records].map((c) => c.eventSeq));
  const chain = await checkAuditChain(client, batchSize, anchored, problems);
  for (const problem of compareCheckpoints({ database, file: log.records, observed: chain.observed, publicKeys })) {
    problems.push(`audit checkpoint ${problem.checkpointSeq}: ${problem.en}`);
  }
  const checkpoints = new Set([...database, ...log.records].map((c) => c.seq)).size;
  return { problems, checked: { versions, signatures, auditEvents: chain.count, checkpoints } };
}
