import 'server-only';
import { db } from '@/lib/server/db';
import { unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { parseLookupQuery } from '@/lib/core/commitment/lookup';
import { commitmentContentSchema, verificationCode } from '@/lib/core/commitment/canonical';
import { buildCommitmentContent, compareWithCurrent } from '@/lib/core/commitment/letter';
import { letterVerdict } from '@/lib/core/integrity/letter-verdict';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { checkLetters, letterSelect, type LetterRow } from '@/lib/server/verify/letter-records';
import { checkAuditAnchors } from '@/lib/server/verify/check-audit-anchors';
import { loadLetterTaskRows } from './commitment-rows';

const CURRENCY_CHECKED = new Set(['ISSUED', 'SIGNED', 'LOCKED']);

/** Whether each issued / signed / locked version still matches what the current tasks would make of it. */
async function outOfDateVersions(rows: readonly LetterRow[]) {
  const outOfDate = new Set<string>();
  for (const v of rows) {
    if (!CURRENCY_CHECKED.has(v.status)) continue;
    const stored = commitmentContentSchema.safeParse(v.content);
    if (!stored.success) continue; // unreadable content is a failed check already
    const { unitId, year, unit } = v.commitment;
    const tasks = (await loadLetterTaskRows(db, { unitIds: [unitId], year })).get(unitId)!;
    const current = buildCommitmentContent({ unit: { code: unit.code, name: unit.name }, year, preamble: stored.data.preamble, leadTasks: tasks.lead, coTasks: tasks.co });
    if (compareWithCurrent({ content: stored.data, contentHash: v.contentHash }, current).outOfDate) outOfDate.add(v.id);
  }
  return outOfDate;
}

/**
 * What the 核验 page shows of stored versions: every check of the record (seals, county signatures,
 * the signatures its status needs, the audit chain's record of its issue and signatures), whether
 * it is out of date, one verdict, and the signers. Never the content.
 */
export async function describeLetters(user: SessionUser, rows: readonly LetterRow[]) {
  const problems = await checkLetters(db, rows, countyPublicKeys());
  const outOfDate = await outOfDateVersions(rows);
  const openable = new Set(
    (await db.unit.findMany({ where: { AND: [{ id: { in: rows.map((v) => v.commitment.unitId) } }, unitScopeWhere(user)] }, select: { id: true } })).map((u) => u.id),
  );
  return rows.map((v) => {
    const found = problems.get(v.id)!;
    const intact = found.length === 0;
    return {
      versionId: v.id,
      unit: { id: v.commitment.unit.id, name: v.commitment.unit.name },
      year: v.commitment.year,
      version: v.version,
      status: v.status,
      contentHash: v.contentHash,
      code: verificationCode(v.contentHash),
      intact,
      /** In Chinese: what failed. */
      problems: [...new Set(found.map((p) => p.zh))],
      outOfDate: outOfDate.has(v.id),
      verdict: letterVerdict({ status: v.status, intact, outOfDate: outOfDate.has(v.id) }),
      issuedAt: v.issuedAt,
      lockedAt: v.lockedAt,
      signatures: v.signatures.map((s) => ({ signerRole: s.signerRole, signerName: s.signerName, signedAt: s.signedAt, signatureHash: s.signatureHash })),
      /** Whether the user may open the letter itself (its unit is in their scope). */
      canOpen: openable.has(v.commitment.unitId),
    };
  });
}

export type LetterMatch = Awaited<ReturnType<typeof describeLetters>>[number];

/**
 * Which letter a pasted hash or printed verification code belongs to: for any signed-in user,
 * since who signed which letter is public within the government. Drafts were never issued and are
 * not found. A full hash also matches a signature's own hash. The audit chain's anchors are
 * checked too: a rewritten history shows here even when this letter's rows look right.
 */
export async function findByHash({ user, query }: { user: SessionUser; query: string }) {
  const lookup = parseLookupQuery(query);
  if (!lookup) throw new UserFacingError('请输入64位SHA-256哈希值或核验码（LS-XXXX-XXXX-XXXX）', 'INVALID', { q: ['格式不正确'] });
  const versions = await db.commitmentVersion.findMany({
    where: {
      status: { not: 'DRAFT' },
      OR:
        lookup.kind === 'hash'
          ? [{ contentHash: lookup.hash }, { signatures: { some: { signatureHash: lookup.hash } } }]
          : [{ contentHash: { startsWith: lookup.prefix } }],
    },
    orderBy: [{ createdAt: 'asc' }],
    take: 20,
    select: letterSelect,
  });
  return { lookup, matches: await describeLetters(user, versions), chain: await checkAuditAnchors(db) };
}
