import 'server-only';
import { db } from '@/lib/server/db';
import { unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { presentVersion, versionInclude, versionVisibleWhere } from './commitment-rows';

/**
 * A unit's letter for a year with its versions (newest first) and their signatures. Scope: the
 * office every unit, a leader the units they oversee, a unit user their own unit; drafts only for
 * the office. A unit outside the scope is "not found"; a unit without a letter yet gives null.
 */
export async function getCommitment({ user, unitId, year }: { user: SessionUser; unitId: string; year: number }) {
  const unit = await db.unit.findFirst({
    where: { AND: [{ id: unitId }, unitScopeWhere(user)] },
    select: { id: true, code: true, name: true, shortName: true },
  });
  if (!unit) throw notFound();
  const commitment = await db.commitment.findUnique({
    where: { unitId_year: { unitId, year } },
    include: { versions: { where: versionVisibleWhere(user), orderBy: { version: 'desc' }, include: versionInclude } },
  });
  return {
    unit,
    year,
    commitment: commitment && { id: commitment.id, versions: commitment.versions.map((v) => presentVersion(v, user)) },
  };
}

export type CommitmentDetail = Awaited<ReturnType<typeof getCommitment>>;
export type CommitmentVersionDetail = NonNullable<CommitmentDetail['commitment']>['versions'][number];
