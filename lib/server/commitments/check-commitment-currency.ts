import 'server-only';
import { db } from '@/lib/server/db';
import { unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { commitmentContentSchema } from '@/lib/core/commitment/canonical';
import { buildCommitmentContent, compareWithCurrent } from '@/lib/core/commitment/letter';
import { loadLetterTaskRows, versionVisibleWhere } from './commitment-rows';

const SIGNING_OR_IN_FORCE = ['ISSUED', 'SIGNED', 'LOCKED'] as const;

/**
 * Rebuilds a unit's letter from the current tasks and compares it with (a) the latest version
 * being signed or in force, whose mismatch makes the letter out of date, and (b) for the office,
 * a newer draft, whose mismatch means it needs refreshing before it can be issued. Each
 * comparison keeps the version's own preamble, so only task and target changes count.
 */
export async function checkCommitmentCurrency({ user, unitId, year }: { user: SessionUser; unitId: string; year: number }) {
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitScopeWhere(user)] }, select: { id: true, code: true, name: true } });
  if (!unit) throw notFound();
  const versions = await db.commitmentVersion.findMany({
    where: { AND: [{ commitment: { unitId, year } }, versionVisibleWhere(user), { status: { not: 'SUPERSEDED' } }] },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, status: true, preamble: true, content: true, contentHash: true },
  });
  const reference = versions.find((v) => (SIGNING_OR_IN_FORCE as readonly string[]).includes(v.status));
  const draft = versions[0]?.status === 'DRAFT' ? versions[0] : undefined;
  if (!reference && !draft) return { reference: null, draft: null };

  const rows = (await loadLetterTaskRows(db, { unitIds: [unit.id], year })).get(unit.id)!;
  const compare = (version: NonNullable<typeof reference>) => {
    const current = buildCommitmentContent({ unit, year, preamble: version.preamble, leadTasks: rows.lead, coTasks: rows.co });
    const stored = commitmentContentSchema.safeParse(version.content);
    // Content that no longer parses was edited outside the app: it cannot match anything.
    const result = stored.success
      ? compareWithCurrent({ content: stored.data, contentHash: version.contentHash }, current)
      : { outOfDate: true, changes: [] };
    return { id: version.id, version: version.version, status: version.status, outOfDate: result.outOfDate, changes: result.changes };
  };
  return { reference: reference ? compare(reference) : null, draft: draft ? compare(draft) : null };
}

export type CommitmentCurrency = Awaited<ReturnType<typeof checkCommitmentCurrency>>;
