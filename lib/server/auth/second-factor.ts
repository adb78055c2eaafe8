import 'server-only';
import { acceptTotp, consumeRecoveryCode } from '@/lib/core/auth/totp';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { db } from '@/lib/server/db';
import { openSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';

export type SecondFactorUser = {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  totpRecoveryHashes: string[];
};

/**
 * At sign-in, after the password was right: an enrolled account needs a current code from its
 * authenticator (each code once) or one of its recovery codes (each once, audited).
 */
export async function checkSecondFactor(user: SecondFactorUser, code: string | undefined, ip: string | null, now = new Date()): Promise<'ok' | 'required' | 'wrong'> {
  if (!user.totpEnabledAt || !user.totpSecret) return 'ok';
  if (!code?.trim()) return 'required';
  const step = acceptTotp({ secret: openSecret(user.totpSecret, SECRET_CONTEXT.totp(user.id)), code, lastStep: user.totpLastStep, now });
  if (step !== null) {
    // Conditional on the step we read: two sign-ins racing with one code cannot both pass.
    const used = await db.user.updateMany({ where: { id: user.id, totpLastStep: user.totpLastStep }, data: { totpLastStep: step } });
    return used.count === 1 ? 'ok' : 'wrong';
  }
  const remaining = consumeRecoveryCode(user.totpRecoveryHashes, code);
  if (!remaining) return 'wrong';
  return db.$transaction(async (tx) => {
    const used = await tx.user.updateMany({ where: { id: user.id, totpRecoveryHashes: { equals: user.totpRecoveryHashes } }, data: { totpRecoveryHashes: remaining } });
    if (used.count === 0) return 'wrong';
    await recordAuditEvent(tx, { actorId: user.id, action: 'account.secondFactor.recoveryUsed', entity: 'User', entityId: user.id, after: { recoveryCodesLeft: remaining.length }, ip });
    return 'ok';
  });
}
