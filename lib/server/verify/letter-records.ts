/**
 * The checks of stored letter versions that `npm run verify` and the 核验 page share: seals, the
 * county's signatures and required signatures (checkLetterRecord), and the audit chain's record of
 * each issue and signature: present, unchanged, and no recorded signature missing. Plain module.
 */

import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { checkLetterRecord, type RecordProblem } from '@/lib/core/integrity/signed-records';
import { SIGNER_ROLE_LABELS } from '@/lib/core/integrity/signer-roles';

/** The full client or a transaction (tests run attacks inside one and roll back). */
export type IntegrityClient = PrismaClient | Prisma.TransactionClient;

export const SIGNATURE_ACTIONS = ['commitment.sign', 'commitment.countersign'];

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
  issuedAt: true,
  lockedAt: true,
  commitment: { select: { unitId: true, year: true, unit: { select: { id: true, code: true, name: true } } } },
  signatures: {
    orderBy: { signedAt: 'asc' },
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

export type LetterRow = Prisma.CommitmentVersionGetPayload<{ select: typeof letterSelect }>;

const SIGNATURE_FIELDS = ['signerId', 'signerRole', 'signerName', 'signedHash', 'signatureHash', 'ip', 'userAgent', 'signedAt'] as const;
type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** A signature column as the audit snapshot stores it (JSON: dates as ISO strings). */
function signatureField(row: Record<SignatureField, string | Date | null>, field: SignatureField) {
  const value = row[field];
  return value instanceof Date ? value.toISOString() : value;
}

type AuditAfter = Record<string, unknown>;

/** Problems per version id (every given version has an entry, empty when clean). */
export async function checkLetters(client: IntegrityClient, rows: readonly LetterRow[], publicKeys: ReadonlyMap<string, string>) {
  const ids = rows.map((v) => v.id);
  const issues = await client.auditEvent.findMany({
    where: { entity: 'CommitmentVersion', action: 'commitment.issue', entityId: { in: ids } },
    select: { entityId: true, after: true },
  });
  // Found by the version they name, so a signature row deleted since still shows up here.
  const signed = await client.$queryRaw<{ seq: number; entityId: string; after: unknown }[]>`
    SELECT seq, "entityId", after FROM "AuditEvent"
    WHERE entity = 'Signature' AND action = ANY(${SIGNATURE_ACTIONS}) AND after->>'versionId' = ANY(${ids})`;
  const issued = new Map(issues.map((e) => [e.entityId, e.after as AuditAfter | null]));
  const result = new Map<string, RecordProblem[]>();
  for (const v of rows) {
    const problems = checkLetterRecord({ ...v, versionId: v.id }, v.signatures, publicKeys);
    const add = (record: RecordProblem['record'], id: string, en: string, zh: string) => problems.push({ record, id, en, zh });
    if (v.status !== 'DRAFT') {
      // The issue event fixed the hash in the audit chain; a consistent rewrite of all three columns still shows here.
      const record = issued.get(v.id);
      if (!record) add('version', v.id, 'no audit record of its issue', '审计记录中没有该版本的下发记录');
      else if (record.contentHash !== v.contentHash) add('version', v.id, 'content hash differs from the audit record', '内容哈希与下发时的审计记录不符');
    }
    const recorded = signed.filter((e) => (e.after as AuditAfter | null)?.versionId === v.id);
    // The audit event holds the whole row as signed, so fields outside the hashes (IP, browser) are covered too.
    for (const s of v.signatures) {
      const record = recorded.find((e) => e.entityId === s.id)?.after as AuditAfter | undefined;
      if (!record) add('signature', s.id, 'no audit record of the signature', `${SIGNER_ROLE_LABELS[s.signerRole]}签名：审计记录中没有该签名`);
      else {
        const changed = SIGNATURE_FIELDS.filter((field) => record[field] !== signatureField(s, field));
        if (changed.length > 0) add('signature', s.id, `differs from the audit record (${changed.join(', ')})`, `${SIGNER_ROLE_LABELS[s.signerRole]}签名：与审计记录不符`);
      }
    }
    for (const event of recorded) {
      if (!v.signatures.some((s) => s.id === event.entityId)) {
        add('version', v.id, `signature ${event.entityId} recorded by audit event seq ${event.seq} is missing`, '审计记录中的一项签名已被删除');
      }
    }
    result.set(v.id, problems);
  }
  return result;
}
