import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { commitmentVersionSchema } from '@/lib/core/schemas/commitment';
import { sealCommitmentContent } from '@/lib/core/commitment/letter';
import { commitmentStep } from '@/lib/core/commitment/version-status';
import { letterSealPayload } from '@/lib/core/integrity/signed-records';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countySigningKey } from '@/lib/platform/keys/county-keys';
import { currentContent, frozenVersion, lockCommitment } from './commitment-rows';

/**
 * Issues a DRAFT for signing (督查室 only): from here its content, canonical text and hash are
 * frozen. The draft must still match the current tasks, so the office issues exactly what it
 * reviewed and nothing stale; otherwise it is asked to refresh the draft first.
 */
export async function issueCommitmentVersion({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'commitment.manage')) throw forbidden('下发承诺书');
  const { versionId } = parseInput(commitmentVersionSchema, input);

  return db.$transaction(async (tx) => {
    const found = await tx.commitmentVersion.findUnique({ where: { id: versionId }, select: { commitmentId: true } });
    if (!found) throw notFound();
    await lockCommitment(tx, found.commitmentId);
    const version = await tx.commitmentVersion.findUniqueOrThrow({
      where: { id: versionId },
      include: { commitment: { include: { unit: { select: { id: true, code: true, name: true } } } } },
    });
    const move = commitmentStep(version.status, 'issue');
    if (!move.ok) throw new UserFacingError(move.message, 'CONFLICT');
    const { unit, year } = version.commitment;
    const current = sealCommitmentContent(await currentContent(tx, { unit, year, preamble: version.preamble }));
    if (current.contentHash !== version.contentHash) {
      throw new UserFacingError('草稿生成后任务已有变化，请先刷新草稿并核对后再下发', 'CONFLICT');
    }
    const issuedAt = new Date();
    // The county key signs the frozen hash: a later rewrite of content and hash cannot be re-signed from the database.
    const seal = signPayload(letterSealPayload({ versionId, commitmentId: version.commitmentId, version: version.version, contentHash: version.contentHash }), countySigningKey());
    const issued = await tx.commitmentVersion.updateMany({
      where: { id: versionId, status: version.status, contentHash: version.contentHash },
      data: { status: move.status, issuedAt, sealKeyId: seal.keyId, sealSignature: seal.signature },
    });
    if (issued.count === 0) throw frozenVersion();
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'commitment.issue',
      entity: 'CommitmentVersion',
      entityId: versionId,
      before: { status: version.status },
      after: { status: move.status, unitId: unit.id, year, version: version.version, contentHash: version.contentHash, issuedAt, sealKeyId: seal.keyId },
      ip,
    });
    await createNotifications(
      tx,
      { unitIds: [unit.id], unitRoles: ['UNIT_HEAD'] },
      {
        kind: 'commitment.issued',
        title: `${year}年度目标责任承诺书（第${version.version}版）已下发，请签署`,
        link: `/commitments/${unit.id}/${year}`,
      },
    );
    return tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId } });
  });
}
