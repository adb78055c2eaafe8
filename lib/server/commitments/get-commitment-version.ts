import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { commitmentScopeWhere, presentVersion, versionInclude, versionVisibleWhere } from './commitment-rows';

/** One version by id with its letter's unit and year, scoped like getCommitment (used by the PDF download). */
export async function getCommitmentVersion({ user, versionId }: { user: SessionUser; versionId: string }) {
  const version = await db.commitmentVersion.findFirst({
    where: { AND: [{ id: versionId }, versionVisibleWhere(user), { commitment: commitmentScopeWhere(user) }] },
    include: { ...versionInclude, commitment: { include: { unit: { select: { id: true, code: true, name: true, shortName: true } } } } },
  });
  if (!version) throw notFound();
  return { unit: version.commitment.unit, year: version.commitment.year, version: presentVersion(version, user) };
}
