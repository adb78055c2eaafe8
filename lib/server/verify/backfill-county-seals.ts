/**
 * One-time: letters issued and signed before county keys existed (migration
 * 20261130173955_county_signatures_audit_checkpoints added the SM2 columns empty) carry no county
 * seal, so verify reports each of them as "not signed with the county key", the same finding as a
 * seal stripped by an attacker. This signs those records with the current county key, and only when
 * nothing else is wrong: every other check (content → hash, signature hashes, their audit records,
 * the audit chain and its checkpoints) must pass, and every unsealed record must predate that
 * migration (since then the app has sealed every issue and signature, so a later unsealed record was
 * stripped). The SM2 seal then vouches for the record as it stood at the backfill, which the audit
 * chain already fixed. Runs as the owner: the app's role cannot UPDATE signatures.
 */

import { letterSealPayload, signaturePayload } from '@/lib/core/integrity/signed-records';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countyPublicKeys, countySigningKey } from '@/lib/platform/keys/county-keys';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import type { Tx } from '@/lib/server/db';
import { verifyIntegrity } from './verify-integrity';

export const COUNTY_KEYS_MIGRATION = '20261130173955_county_signatures_audit_checkpoints';
const UNSEALED = /: (seal )?not signed with the county key$/;

export type BackfillOutcome =
  | { ok: true; versions: string[]; signatures: string[] }
  | { ok: false; problems: string[] };

/** Run inside one transaction (`client.$transaction`), so a refusal or failure writes nothing. */
export async function backfillCountySeals(tx: Tx): Promise<BackfillOutcome> {
  const report = await verifyIntegrity(tx, { publicKeys: countyPublicKeys() });
  const other = report.problems.filter((line) => !UNSEALED.test(line));
  if (other.length > 0) return { ok: false, problems: other };

  const [migration] = await tx.$queryRaw<{ finished_at: Date | null }[]>`
    SELECT finished_at FROM _prisma_migrations WHERE migration_name = ${COUNTY_KEYS_MIGRATION} AND rolled_back_at IS NULL`;
  const keyedSince = migration?.finished_at;
  if (!keyedSince) return { ok: false, problems: [`migration ${COUNTY_KEYS_MIGRATION} is not applied`] };

  const versions = await tx.commitmentVersion.findMany({
    where: { status: { not: 'DRAFT' }, OR: [{ sealKeyId: null }, { sealSignature: null }] },
    select: { id: true, commitmentId: true, version: true, contentHash: true, issuedAt: true },
  });
  const signatures = await tx.signature.findMany({
    where: { OR: [{ keyId: null }, { keySignature: null }] },
    select: { id: true, versionId: true, signerId: true, signerRole: true, signerName: true, signedHash: true, signedAt: true },
  });
  const late = [
    ...versions.filter((v) => !v.issuedAt || v.issuedAt >= keyedSince).map((v) => `commitment version ${v.id}: issued after county keys existed, its seal was removed`),
    ...signatures.filter((s) => s.signedAt >= keyedSince).map((s) => `signature ${s.id}: signed after county keys existed, its county signature was removed`),
  ];
  if (late.length > 0) return { ok: false, problems: late };
  if (versions.length === 0 && signatures.length === 0) return { ok: true, versions: [], signatures: [] };

  const key = countySigningKey();
  for (const v of versions) {
    const seal = signPayload(letterSealPayload({ versionId: v.id, commitmentId: v.commitmentId, version: v.version, contentHash: v.contentHash }), key);
    await tx.commitmentVersion.update({ where: { id: v.id }, data: { sealKeyId: seal.keyId, sealSignature: seal.signature } });
  }
  for (const s of signatures) {
    const keyed = signPayload(
      signaturePayload({ versionId: s.versionId, signerId: s.signerId, signerRole: s.signerRole, signerName: s.signerName, signedHash: s.signedHash, signedAt: s.signedAt.toISOString() }),
      key,
    );
    await tx.signature.update({ where: { id: s.id }, data: { keyId: keyed.keyId, keySignature: keyed.signature } });
  }
  const result = { versions: versions.map((v) => v.id), signatures: signatures.map((s) => s.id) };
  await recordAuditEvent(tx, { actorId: null, action: 'integrity.backfillSeals', entity: 'Job', entityId: 'integrity:backfill-seals', after: { ...result, keyId: key.keyId } });
  return { ok: true, ...result };
}
