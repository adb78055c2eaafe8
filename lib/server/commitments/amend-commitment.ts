import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { commitmentKeySchema } from '@/lib/core/schemas/commitment';
import { sealCommitmentContent } from '@/lib/core/commitment/letter';
import { commitmentStep } from '@/lib/core/commitment/version-status';
import { contentJson, currentContent, lockCommitment } from './commitment-rows';

/**
 * Starts a new version of a letter whose latest version no longer matches the current tasks
 * (督查室 only): a DRAFT built from the current tasks with the same preamble, to be issued and
 * signed again. Old versions stay as they are and readable. A LOCKED version stays in force
 * until the new one is countersigned (see countersignCommitment); a version still being signed
 * (ISSUED or SIGNED) was never in force and is SUPERSEDED at once, so nobody signs stale content.
 */
export async function amendCommitment({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'commitment.manage')) throw forbidden('修订承诺书');
  const { unitId, year } = parseInput(commitmentKeySchema, input);

  return db.$transaction(async (tx) => {
    const commitment = await tx.commitment.findUnique({
      where: { unitId_year: { unitId, year } },
      include: { unit: { select: { id: true, code: true, name: true } } },
    });
    if (!commitment) throw notFound();
    await lockCommitment(tx, commitment.id);
    const latest = await tx.commitmentVersion.findFirst({ where: { commitmentId: commitment.id }, orderBy: { version: 'desc' } });
    if (!latest) throw notFound();
    if (latest.status === 'DRAFT') throw new UserFacingError('已有未下发的草稿，请在草稿上刷新、核对后下发', 'CONFLICT');

    const content = await currentContent(tx, { unit: commitment.unit, year, preamble: latest.preamble });
    const seal = sealCommitmentContent(content);
    if (seal.contentHash === latest.contentHash) throw new UserFacingError('承诺书与当前任务一致，无需修订', 'CONFLICT');

    // A version still being signed was never in force: it is replaced at once (a locked one stays until the new one locks).
    const retired = commitmentStep(latest.status, 'amend');
    if (retired.ok) {
      await tx.commitmentVersion.updateMany({ where: { id: latest.id, status: latest.status }, data: { status: retired.status } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: 'commitment.supersede',
        entity: 'CommitmentVersion',
        entityId: latest.id,
        before: { status: latest.status, version: latest.version },
        after: { status: retired.status, version: latest.version },
        ip,
      });
    }
    const draft = await tx.commitmentVersion.create({
      data: { commitmentId: commitment.id, version: latest.version + 1, preamble: latest.preamble, content: contentJson(content), ...seal },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'commitment.amend',
      entity: 'CommitmentVersion',
      entityId: draft.id,
      before: { version: latest.version, contentHash: latest.contentHash },
      after: { unitId, year, version: draft.version, status: 'DRAFT', contentHash: draft.contentHash },
      ip,
    });
    return draft;
  });
}
