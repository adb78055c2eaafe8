/**
 * Integrity check over everything the application seals: each letter version (content →
 * canonical text → hash), each signature (its own hash, the hash it covers) and the audit
 * chain. A row changed behind the application's back shows up as one line per problem.
 * Plain module (no server-only): used by `npm run verify` and by the tests, with any client.
 */

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { auditEventHash, verifyChain, type StoredAuditEvent } from '@/lib/core/audit/chain';
import { checkVersionSeal, signatureHash } from '@/lib/core/commitment/letter';

export type IntegrityReport = {
  problems: string[];
  checked: { versions: number; signatures: number; auditEvents: number };
};

type AuditAfter = Record<string, unknown> | null;

/** `after` snapshots of the audit events that recorded the given rows, by entity id. */
async function auditAfters(client: PrismaClient, entity: string, actions: string[], entityIds: string[]) {
  const events = await client.auditEvent.findMany({
    where: { entity, action: { in: actions }, entityId: { in: entityIds } },
    select: { entityId: true, after: true },
  });
  return new Map(events.map((e) => [e.entityId, e.after as AuditAfter]));
}

async function checkVersions(client: PrismaClient, batchSize: number, problems: string[]) {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await client.commitmentVersion.findMany({
      orderBy: { id: 'asc' },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        version: true,
        status: true,
        content: true,
        canonical: true,
        contentHash: true,
        commitment: { select: { year: true, unit: { select: { name: true } } } },
      },
    });
    if (batch.length === 0) return count;
    const issued = await auditAfters(client, 'CommitmentVersion', ['commitment.issue'], batch.map((v) => v.id));
    for (const v of batch) {
      const label = `commitment version ${v.id} (${v.commitment.unit.name}, ${v.commitment.year}, v${v.version})`;
      const seal = checkVersionSeal(v);
      if (!seal.hashMatches) problems.push(`${label}: content hash mismatch`);
      if (!seal.contentMatchesCanonical) problems.push(`${label}: content differs from its canonical text`);
      if (v.status !== 'DRAFT') {
        // The issue event fixed the hash in the audit chain; a consistent rewrite of all three columns still shows here.
        const record = issued.get(v.id);
        if (!record) problems.push(`${label}: no audit record of its issue`);
        else if (record.contentHash !== v.contentHash) problems.push(`${label}: content hash differs from the audit record`);
      }
    }
    count += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}

const SIGNATURE_FIELDS = ['signerId', 'signerRole', 'signerName', 'signedHash', 'signatureHash', 'ip', 'userAgent', 'signedAt'] as const;
type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** A signature column as the audit snapshot stores it (JSON: dates as ISO strings). */
function signatureField(row: Record<SignatureField, string | Date | null>, field: SignatureField) {
  const value = row[field];
  return value instanceof Date ? value.toISOString() : value;
}

async function checkSignatures(client: PrismaClient, batchSize: number, problems: string[]) {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await client.signature.findMany({
      orderBy: { id: 'asc' },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        signerId: true,
        signerRole: true,
        signedHash: true,
        signatureHash: true,
        signedAt: true,
        signerName: true,
        ip: true,
        userAgent: true,
        version: { select: { version: true, contentHash: true, commitment: { select: { year: true, unit: { select: { name: true } } } } } },
      },
    });
    if (batch.length === 0) return count;
    const recorded = await auditAfters(client, 'Signature', ['commitment.sign', 'commitment.countersign'], batch.map((s) => s.id));
    for (const s of batch) {
      const { version } = s;
      const label = `signature ${s.id} (${version.commitment.unit.name}, ${version.commitment.year}, v${version.version}, ${s.signerRole})`;
      const expected = signatureHash({ signedHash: s.signedHash, signerId: s.signerId, signerRole: s.signerRole, signedAt: s.signedAt.toISOString() });
      if (expected !== s.signatureHash) problems.push(`${label}: signature hash mismatch`);
      if (s.signedHash !== version.contentHash) problems.push(`${label}: signed hash differs from the version's content hash`);
      // The audit event holds the whole row as signed, so fields outside the hash (name, IP, browser) are covered too.
      const record = recorded.get(s.id);
      if (!record) problems.push(`${label}: no audit record of the signature`);
      else {
        const changed = SIGNATURE_FIELDS.filter((field) => record[field] !== signatureField(s, field));
        if (changed.length > 0) problems.push(`${label}: differs from the audit record (${changed.join(', ')})`);
      }
    }
    count += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}

async function checkAuditChain(client: PrismaClient, batchSize: number, problems: string[]) {
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
    if (rows.length === 0) return count;
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
    count += rows.length;
    lastSeq = rows[rows.length - 1]!.seq;
    anchor = rows[rows.length - 1]!.hash;
  }
}

/** Recomputes every stored seal; `problems` is empty when nothing was changed outside the app. */
export async function verifyIntegrity(client: PrismaClient, { batchSize = 5000 }: { batchSize?: number } = {}): Promise<IntegrityReport> {
  const problems: string[] = [];
  const versions = await checkVersions(client, batchSize, problems);
  const signatures = await checkSignatures(client, batchSize, problems);
  const auditEvents = await checkAuditChain(client, batchSize, problems);
  return { problems, checked: { versions, signatures, auditEvents } };
}
