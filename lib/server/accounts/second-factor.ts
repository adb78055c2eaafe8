import 'server-only';
import { generateRecoveryCodes, hashRecoveryCode, maySecondFactor, newTotpSecret, acceptTotp, totpUri } from '@/lib/core/auth/totp';
import { accountTargetSchema, secondFactorConfirmSchema } from '@/lib/core/schemas/account';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { getCountyName } from '@/lib/server/settings/installation-settings';
import { openSecret, sealSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';

/** What the account page shows about one's own second factor. */
export async function getOwnSecondFactor({ user }: { user: SessionUser }) {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { totpEnabledAt: true, totpRecoveryHashes: true, totpPendingSecret: true } });
  if (!row) throw notFound();
  const pendingSecret = row.totpPendingSecret ? openSecret(row.totpPendingSecret, SECRET_CONTEXT.totp(user.id)) : null;
  return {
    allowed: maySecondFactor(user.role),
    enabledAt: row.totpEnabledAt,
    recoveryCodesLeft: row.totpRecoveryHashes.length,
    pending: pendingSecret ? { secret: pendingSecret, uri: totpUri({ issuer: `落实 ${await getCountyName()}`, account: user.username, secret: pendingSecret }) } : null,
  };
}

/**
 * Offers a new secret for the authenticator app (the office and leaders only). It takes effect only
 * once a code from the app confirms it, so a half-done enrolment never locks anyone out.
 */
export async function startSecondFactor({ user }: { user: SessionUser }) {
  if (!maySecondFactor(user.role)) throw forbidden('启用两步验证');
  const updated = await db.user.updateMany({ where: { id: user.id, totpEnabledAt: null }, data: { totpPendingSecret: sealSecret(newTotpSecret(), SECRET_CONTEXT.totp(user.id)) } });
  if (updated.count === 0) throw new UserFacingError('已启用两步验证；如需更换手机，请联系督查室重置', 'CONFLICT');
}

/** The app's first code confirms the secret: the second factor is on; the recovery codes are returned once. */
export async function confirmSecondFactor({ user, input, ip, now = new Date() }: { user: SessionUser; input: unknown; ip: string | null; now?: Date }) {
  if (!maySecondFactor(user.role)) throw forbidden('启用两步验证');
  const { code } = parseInput(secondFactorConfirmSchema, input);
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id: user.id }, select: { totpPendingSecret: true, totpEnabledAt: true } });
    if (!row) throw notFound();
    if (row.totpEnabledAt) throw new UserFacingError('已启用两步验证', 'CONFLICT');
    if (!row.totpPendingSecret) throw new UserFacingError('请先点击“启用两步验证”获取密钥', 'CONFLICT');
    const step = acceptTotp({ secret: openSecret(row.totpPendingSecret, SECRET_CONTEXT.totp(user.id)), code, lastStep: null, now });
    if (step === null) throw new UserFacingError('动态验证码不正确：请核对手机时间并输入验证器当前显示的 6 位数字', 'INVALID');
    const enabled = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpPendingSecret: row.totpPendingSecret },
      data: {
        totpSecret: row.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
        totpRecoveryHashes: recoveryCodes.map(hashRecoveryCode),
      },
    });
    if (enabled.count === 0) throw new UserFacingError('已启用两步验证', 'CONFLICT');
    await recordAuditEvent(tx, { actorId: user.id, action: 'account.secondFactor.enable', entity: 'User', entityId: user.id, after: { recoveryCodes: recoveryCodes.length }, ip });
  });
  return { recoveryCodes };
}

/** 督查室 turns a user's second factor off (a lost phone); the user may enrol again. */
export async function resetSecondFactor({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'user.manage')) throw notFound();
  const { userId } = parseInput(accountTargetSchema, input);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, totpEnabledAt: true, totpPendingSecret: true } });
    if (!target) throw notFound();
    if (!target.totpEnabledAt && !target.totpPendingSecret) throw new UserFacingError('该用户未启用两步验证');
    await tx.user.update({
      where: { id: target.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'account.secondFactor.reset',
      entity: 'User',
      entityId: target.id,
      before: { username: target.username, enabledAt: target.totpEnabledAt },
      ip,
    });
  });
}
