import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { commitmentKeySchema } from '@/lib/core/schemas/commitment';
import { defaultPreamble, sealCommitmentContent } from '@/lib/core/commitment/letter';
import { commitmentStep } from '@/lib/core/commitment/version-status';
import { getCountyName } from '@/lib/server/settings/installation-settings';
import { contentJson, currentContent, frozenVersion, lockCommitment } from './commitment-rows';

/**
 * Creates version 1 of a unit's letter for a year as a DRAFT, or refreshes the latest DRAFT from
 * the current tasks (keeping its edited preamble). Issued versions are never touched here: a
 * letter already issued changes only through amendCommitment, as a new version.
 */
export async function generateCommitmentDraft({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'commitment.manage')) throw forbidden('生成承诺书');
  const { unitId, year } = parseInput(commitmentKeySchema, input);
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, code: true, name: true } });
  if (!unit) throw notFound();
  const countyName = await getCountyName();

  return db.$transaction(async (tx) => {
    const commitment = await tx.commitment.upsert({
      where: { unitId_year: { unitId, year } },
      create: { unitId, year },
      update: {},
    });
    await lockCommitment(tx, commitment.id);
    const latest = await tx.commitmentVersion.findFirst({ where: { commitmentId: commitment.id }, orderBy: { version: 'desc' } });

    if (!latest) {
      const preamble = defaultPreamble({ countyName, unitName: unit.name, year });
      const content = await currentContent(tx, { unit, year, preamble });
      const version = await tx.commitmentVersion.create({
        data: { commitmentId: commitment.id, version: 1, preamble, content: contentJson(content), ...sealCommitmentContent(content) },
      });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: 'commitment.generate',
        entity: 'CommitmentVersion',
        entityId: version.id,
        after: { unitId, year, version: 1, status: 'DRAFT', contentHash: version.contentHash },
        ip,
      });
      return version;
    }

    if (!commitmentStep(latest.status, 'edit').ok) {
      throw new UserFacingError('该承诺书已下发，不能重新生成；任务有变化时请使用“修订”生成新版本', 'CONFLICT');
    }
    const content = await currentContent(tx, { unit, year, preamble: latest.preamble });
    const seal = sealCommitmentContent(content);
    // The status in the WHERE keeps the refresh from landing on a version issued meanwhile.
    const refreshed = await tx.commitmentVersion.updateMany({
      where: { id: latest.id, status: latest.status },
      data: { content: contentJson(content), ...seal },
    });
    if (refreshed.count === 0) throw frozenVersion();
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'commitment.refresh',
      entity: 'CommitmentVersion',
      entityId: latest.id,
      before: { contentHash: latest.contentHash },
      after: { contentHash: seal.contentHash },
      ip,
    });
    return tx.commitmentVersion.findUniqueOrThrow({ where: { id: latest.id } });
  });
}
