import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { commitmentPreambleSchema } from '@/lib/core/schemas/commitment';
import { sealCommitmentContent } from '@/lib/core/commitment/letter';
import { commitmentStep } from '@/lib/core/commitment/version-status';
import { contentJson, frozenVersion, lockCommitment, parseStoredContent } from './commitment-rows';

/** Edits the opening text of a DRAFT letter (督查室 only); an issued version is refused. */
export async function updateCommitmentPreamble({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'commitment.manage')) throw forbidden('修改承诺书');
  const { versionId, preamble } = parseInput(commitmentPreambleSchema, input);

  return db.$transaction(async (tx) => {
    const found = await tx.commitmentVersion.findUnique({ where: { id: versionId }, select: { commitmentId: true } });
    if (!found) throw notFound();
    await lockCommitment(tx, found.commitmentId);
    const version = await tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId } });
    if (!commitmentStep(version.status, 'edit').ok) throw frozenVersion();
    const content = { ...parseStoredContent(version.content), preamble };
    const seal = sealCommitmentContent(content);
    const updated = await tx.commitmentVersion.updateMany({
      where: { id: versionId, status: version.status },
      data: { preamble, content: contentJson(content), ...seal },
    });
    if (updated.count === 0) throw frozenVersion();
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'commitment.editPreamble',
      entity: 'CommitmentVersion',
      entityId: versionId,
      before: { preamble: version.preamble, contentHash: version.contentHash },
      after: { preamble, contentHash: seal.contentHash },
      ip,
    });
    return tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId } });
  });
}
