import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { commitmentContentSchema } from '@/lib/core/commitment/canonical';
import { buildCommitmentContent, compareWithCurrent } from '@/lib/core/commitment/letter';
import { COMMITMENT_TRACKING_STATES, trackingStateOf, type CommitmentTrackingState } from '@/lib/core/commitment/tracking';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';
import { commitmentScopeWhere, loadLetterTaskRows, versionVisibleWhere } from './commitment-rows';

/** Plan years that have tasks or letters, newest first. */
async function knownYears() {
  const [taskYears, letterYears] = await Promise.all([
    // A walk of "Task_year_idx" from one year to the next (the smallest, then the smallest above it, …):
    // one index probe per year instead of grouping every task. Letters are few.
    db.$queryRaw<{ year: number }[]>(Prisma.sql`
      WITH RECURSIVE "years" AS (
        SELECT min("year") AS "year" FROM "Task"
        UNION ALL
        SELECT (SELECT min(t."year") FROM "Task" t WHERE t."year" > y."year") FROM "years" y WHERE y."year" IS NOT NULL
      )
      SELECT "year" FROM "years" WHERE "year" IS NOT NULL`),
    db.commitment.groupBy({ by: ['year'] }),
  ]);
  return [...new Set([...taskYears, ...letterYears].map((r) => r.year))].sort((a, b) => b - a);
}

/**
 * Where each unit's letter stands for a year (the office's tracking table): units in the user's
 * scope in directory order, with task counts, the latest visible version and its signatures, and
 * one tracking state (none / draft / issued / signed / locked / outdated). Units number in the
 * tens, so the table is not paged; the state filter applies after the comparison with the tasks.
 */
export async function listCommitmentStatus({
  user,
  year: requestedYear,
  state,
  today = new Date(),
}: {
  user: SessionUser;
  year?: number;
  state?: CommitmentTrackingState;
  today?: Date;
}) {
  const years = await knownYears();
  const year = requestedYear ?? years[0] ?? shanghaiYear(today);
  const units = await db.unit.findMany({
    where: unitScopeWhere(user),
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      commitments: {
        where: { year },
        select: {
          versions: {
            where: versionVisibleWhere(user),
            orderBy: { version: 'desc' },
            take: 1,
            select: {
              id: true,
              version: true,
              status: true,
              preamble: true,
              content: true,
              contentHash: true,
              signatures: { select: { signerRole: true, signerName: true, signedAt: true } },
            },
          },
        },
      },
    },
  });
  // Only an issued or signed letter can be out of date: asked for those alone (the home pages'
  // reminder), the tasks of units without one are not loaded (a leader's units hold thousands).
  const mayBeOutdated = (unit: (typeof units)[number]) => (unit.commitments[0]?.versions[0]?.status ?? 'DRAFT') !== 'DRAFT';
  const taskRows = await loadLetterTaskRows(db, { unitIds: units.filter((u) => state !== 'outdated' || mayBeOutdated(u)).map((u) => u.id), year });

  const rows = units.map((unit) => {
    const tasks = taskRows.get(unit.id) ?? { lead: [], co: [] };
    const latest = unit.commitments[0]?.versions[0] ?? null;
    let outOfDate = false;
    if (latest && latest.status !== 'DRAFT') {
      const current = buildCommitmentContent({ unit, year, preamble: latest.preamble, leadTasks: tasks.lead, coTasks: tasks.co });
      const stored = commitmentContentSchema.safeParse(latest.content);
      outOfDate = !stored.success || compareWithCurrent({ content: stored.data, contentHash: latest.contentHash }, current).outOfDate;
    }
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, shortName: unit.shortName },
      leadTaskCount: tasks.lead.length,
      coTaskCount: tasks.co.length,
      state: trackingStateOf(latest && { status: latest.status, outOfDate }),
      latest: latest && {
        id: latest.id,
        version: latest.version,
        status: latest.status,
        contentHash: latest.contentHash,
        signatures: latest.signatures,
      },
    };
  });
  const counts = Object.fromEntries(COMMITMENT_TRACKING_STATES.map((s) => [s, rows.filter((row) => row.state === s).length])) as Record<
    CommitmentTrackingState,
    number
  >;
  const filtered = state ? rows.filter((row) => row.state === state) : rows;
  return {
    year,
    years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a),
    counts,
    rows: filtered,
    total: filtered.length,
  };
}

export type CommitmentStatusRow = Awaited<ReturnType<typeof listCommitmentStatus>>['rows'][number];

/**
 * The letters in the user's scope whose tasks changed after signing (the home pages' reminder), of
 * `year` or the year listCommitmentStatus shows by default. Only an issued or signed letter can be out of date: while
 * the scope has none that year (most of the year, and always before the letters go out), one probe
 * answers instead of loading the units' letters.
 */
export async function listOutdatedLetters({ user, year: requestedYear, today = new Date() }: { user: SessionUser; year?: number; today?: Date }): Promise<{ year: number; rows: CommitmentStatusRow[] }> {
  const year = requestedYear ?? (await knownYears())[0] ?? shanghaiYear(today);
  const issued = await db.commitmentVersion.findFirst({ where: { status: { not: 'DRAFT' }, commitment: { year, ...commitmentScopeWhere(user) } }, select: { id: true } });
  if (!issued) return { year, rows: [] };
  const { rows } = await listCommitmentStatus({ user, year, state: 'outdated', today });
  return { year, rows };
}

