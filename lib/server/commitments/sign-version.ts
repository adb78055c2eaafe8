import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { commitmentSignSchema } from '@/lib/core/schemas/commitment';
import { checkVersionSeal, signatureHash, type SignerRoleName } from '@/lib/core/commitment/letter';
import { commitmentStep, SIGNING_EVENTS } from '@/lib/core/commitment/version-status';
import { signaturePayload } from '@/lib/core/integrity/signed-records';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countySigningKey } from '@/lib/platform/keys/county-keys';
import { commitmentScopeWhere, lockCommitment, versionVisibleWhere } from './commitment-rows';
import { confirmPassword } from './confirm-password';

export type SignatureMeta = { ip: string | null; userAgent: string | null };

type SignStep = {
  user: SessionUser;
  input: unknown;
  meta: SignatureMeta;
  /** The signer's role, and so the step of the letter's state machine (`SIGNING_EVENTS`). */
  role: SignerRoleName;
  /** Checked after the scope: the user may see the letter but not sign it in this role. */
  mayAct: (user: SessionUser, unitId: string) => Promise<boolean> | boolean;
  refuse: () => Error;
  /** Extra writes in the same transaction (status of older versions, notifications). */
  after: (tx: Tx, version: { id: string; commitmentId: string; version: number; unitId: string; year: number }) => Promise<void>;
};

/**
 * One signature on one version: scope (a letter outside it is "not found"), role, password,
 * then inside one transaction the status move guarded in SQL, the Signature row and its audit
 * event. The hash signed must be the stored hash, and the stored content must still produce it.
 */
export async function signVersion(step: SignStep) {
  const { user, meta } = step;
  const { versionId, signedHash, password } = parseInput(commitmentSignSchema, step.input);
  const visible = await db.commitmentVersion.findFirst({
    where: { AND: [{ id: versionId }, versionVisibleWhere(user), { commitment: commitmentScopeWhere(user) }] },
    select: { commitment: { select: { unitId: true } } },
  });
  if (!visible) throw notFound();
  if (!(await step.mayAct(user, visible.commitment.unitId))) throw step.refuse();
  // Before the letter's state is looked at: a wrong password learns nothing about whether it is signed.
  const signer = await confirmPassword({ user, password, ip: meta.ip });

  return db.$transaction(async (tx) => {
    const found = await tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { commitmentId: true } });
    await lockCommitment(tx, found.commitmentId);
    const version = await tx.commitmentVersion.findUniqueOrThrow({ where: { id: versionId }, include: { commitment: true } });
    const move = commitmentStep(version.status, SIGNING_EVENTS[step.role]);
    if (!move.ok) throw new UserFacingError(move.message, 'CONFLICT');
    if (signedHash !== version.contentHash) {
      throw new UserFacingError('承诺书内容与您核对的不一致，请刷新页面重新核对后再签署', 'CONFLICT');
    }
    const seal = checkVersionSeal(version);
    if (!seal.contentMatchesCanonical || !seal.hashMatches) {
      throw new UserFacingError('承诺书内容校验失败，不能签署，请联系督查室', 'CONFLICT');
    }
    const moved = await tx.commitmentVersion.updateMany({
      where: { id: versionId, status: version.status, contentHash: signedHash },
      data: { status: move.status, ...(move.status === 'LOCKED' ? { lockedAt: new Date() } : {}) },
    });
    if (moved.count === 0) throw new UserFacingError('该版本当前不能签署', 'CONFLICT');
    const signedAt = new Date();
    const keyed = signPayload(
      signaturePayload({ versionId, signerId: user.id, signerRole: step.role, signerName: signer.name, signedHash, signedAt: signedAt.toISOString() }),
      countySigningKey(),
    );
    const signature = await tx.signature.create({
      data: {
        versionId,
        signerId: user.id,
        signerRole: step.role,
        signerName: signer.name,
        signedHash,
        signatureHash: signatureHash({ signedHash, signerId: user.id, signerRole: step.role, signedAt: signedAt.toISOString() }),
        ip: meta.ip,
        userAgent: meta.userAgent,
        signedAt,
        keyId: keyed.keyId,
        keySignature: keyed.signature,
      },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: step.role === 'UNIT_HEAD' ? 'commitment.sign' : 'commitment.countersign',
      entity: 'Signature',
      entityId: signature.id,
      before: { versionStatus: version.status },
      after: { ...signature, versionStatus: move.status },
      ip: meta.ip,
    });
    const { unitId, year } = version.commitment;
    await step.after(tx, { id: version.id, commitmentId: version.commitmentId, version: version.version, unitId, year });
    return signature;
  });
}
