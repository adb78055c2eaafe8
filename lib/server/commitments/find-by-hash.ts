import 'server-only';
import { db } from '@/lib/server/db';
import { unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { parseLookupQuery } from '@/lib/core/commitment/lookup';
import { checkVersionSeal } from '@/lib/core/commitment/letter';

/**
 * Which letter a pasted hash or printed verification code belongs to: for any signed-in user,
 * since who signed which letter is public within the government. Shows unit, year, version,
 * status and signatures, never the content; drafts were never issued and are not found. A full
 * hash also matches a signature's own hash.
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
    include: {
      commitment: { include: { unit: { select: { id: true, name: true } } } },
      signatures: { orderBy: { signedAt: 'asc' }, select: { signerRole: true, signerName: true, signedAt: true, signatureHash: true } },
    },
  });
  const openable = new Set(
    (await db.unit.findMany({ where: { AND: [{ id: { in: versions.map((v) => v.commitment.unitId) } }, unitScopeWhere(user)] }, select: { id: true } })).map(
      (u) => u.id,
    ),
  );
  return {
    lookup,
    matches: versions.map((v) => {
      const seal = checkVersionSeal(v);
      return {
        versionId: v.id,
        unit: v.commitment.unit,
        year: v.commitment.year,
        version: v.version,
        status: v.status,
        contentHash: v.contentHash,
        intact: seal.contentMatchesCanonical && seal.hashMatches,
        issuedAt: v.issuedAt,
        lockedAt: v.lockedAt,
        signatures: v.signatures,
        /** Whether the user may open the letter itself (its unit is in their scope). */
        canOpen: openable.has(v.commitment.unitId),
      };
    }),
  };
}
