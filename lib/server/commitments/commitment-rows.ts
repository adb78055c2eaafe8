import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { can, unitScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { commitmentContentSchema, type CommitmentContent } from '@/lib/core/commitment/canonical';
import { buildCommitmentContent, type LetterTaskRow } from '@/lib/core/commitment/letter';
import { COMMITMENT_FROZEN_MESSAGE } from '@/lib/core/commitment/version-status';
import { checkLetterRecord } from '@/lib/core/integrity/signed-records';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { isoFromDate } from '@/lib/core/schemas/common';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';

// Shared by the commitment data-layer functions; each of them authorizes before calling these.

/** Letters of units the user may see: the office all, a leader the units they oversee, a unit its own. */
export function commitmentScopeWhere(user: SessionUser): Prisma.CommitmentWhereInput {
  return { unit: unitScopeWhere(user) };
}

/** Drafts are the office's working copies; everyone else sees a letter from its issue on. */
export function versionVisibleWhere(user: SessionUser): Prisma.CommitmentVersionWhereInput {
  return can(user, 'commitment.manage') ? {} : { status: { not: 'DRAFT' } };
}

/** Serialises every write to one letter (generate, edit, issue, sign, amend) until commit. */
export async function lockCommitment(tx: Tx, commitmentId: string) {
  await tx.$queryRaw`SELECT id FROM "Commitment" WHERE id = ${commitmentId} FOR UPDATE`;
}

export type UnitTaskRows = { lead: LetterTaskRow[]; co: LetterTaskRow[] };

/**
 * Every task of the year that the units lead or support, as letter rows, per unit; a cancelled
 * (已撤销) task is no longer committed to, so it leaves the letter (and a signed letter goes out of date).
 */
export async function loadLetterTaskRows(client: Db | Tx, { unitIds, year }: { unitIds: string[]; year: number }) {
  const tasks = await client.task.findMany({
    where: { year, status: { not: 'CANCELLED' }, OR: [{ leadUnitId: { in: unitIds } }, { coUnits: { some: { unitId: { in: unitIds } } } }] },
    select: {
      id: true,
      code: true,
      title: true,
      deadline: true,
      importance: true,
      leadUnitId: true,
      coUnits: { select: { unitId: true } },
      leaders: { select: { leader: { select: { name: true } } } },
      targets: { select: { position: true, metric: true, comparator: true, value: true, valueMax: true, unit: true, placeholder: true } },
    },
  });
  const byUnit = new Map<string, UnitTaskRows>(unitIds.map((id) => [id, { lead: [], co: [] }]));
  for (const task of tasks) {
    const row: LetterTaskRow = {
      id: task.id,
      code: task.code,
      title: task.title,
      deadline: isoFromDate(task.deadline),
      leaderNames: task.leaders.map((l) => l.leader.name),
      importance: task.importance,
      targets: task.targets.map((t) => ({ position: t.position, metric: t.metric, ...storedTargetFigure(t) })),
    };
    byUnit.get(task.leadUnitId)?.lead.push(row);
    for (const co of task.coUnits) byUnit.get(co.unitId)?.co.push(row);
  }
  return byUnit;
}

/** The letter as the current tasks would make it, with the given preamble. */
export async function currentContent(
  client: Db | Tx,
  { unit, year, preamble }: { unit: { id: string; code: string; name: string }; year: number; preamble: string },
): Promise<CommitmentContent> {
  const rows = (await loadLetterTaskRows(client, { unitIds: [unit.id], year })).get(unit.id)!;
  return buildCommitmentContent({ unit: { code: unit.code, name: unit.name }, year, preamble, leadTasks: rows.lead, coTasks: rows.co });
}

/** Stored letter JSON as typed content; a row that no longer parses was edited outside the app. */
export function parseStoredContent(content: unknown): CommitmentContent {
  const parsed = commitmentContentSchema.safeParse(content);
  if (!parsed.success) throw new UserFacingError('承诺书内容已损坏，请联系督查室运行完整性核验', 'CONFLICT');
  return parsed.data;
}

/** Refusal for any edit of a version that has left DRAFT: issued content is frozen for good. */
export const frozenVersion = () => new UserFacingError(COMMITMENT_FROZEN_MESSAGE, 'CONFLICT');

/** Letter content as a Prisma JSON value (the interface has no index signature, the JSON type wants one). */
export function contentJson(content: CommitmentContent): Prisma.InputJsonObject {
  return content as unknown as Prisma.InputJsonObject;
}

export const versionInclude = {
  signatures: { orderBy: { signedAt: 'asc' } },
} satisfies Prisma.CommitmentVersionInclude;

type StoredVersion = Prisma.CommitmentVersionGetPayload<{ include: typeof versionInclude }>;

/**
 * A version as pages show it: typed content (null when the stored JSON no longer parses), the
 * integrity of its seal, and signatures; a signer's IP and browser are shown to the office only.
 */
export function presentVersion(version: StoredVersion, user: SessionUser) {
  const parsed = commitmentContentSchema.safeParse(version.content);
  // Hashes, the county's SM2 seal and signatures, and the signatures the status requires.
  const problems = checkLetterRecord({ ...version, versionId: version.id }, version.signatures, countyPublicKeys());
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    preamble: version.preamble,
    content: parsed.success ? parsed.data : null,
    contentHash: version.contentHash,
    intact: parsed.success && problems.length === 0,
    /** What failed, in Chinese, when not intact. */
    problems: problems.map((p) => p.zh),
    issuedAt: version.issuedAt,
    lockedAt: version.lockedAt,
    createdAt: version.createdAt,
    signatures: version.signatures.map((s) => ({
      id: s.id,
      signerRole: s.signerRole,
      signerName: s.signerName,
      signedHash: s.signedHash,
      signatureHash: s.signatureHash,
      signedAt: s.signedAt,
      intact: !problems.some((p) => p.record === 'signature' && p.id === s.id),
      ip: can(user, 'commitment.manage') ? s.ip : null,
      userAgent: can(user, 'commitment.manage') ? s.userAgent : null,
    })),
  };
}
