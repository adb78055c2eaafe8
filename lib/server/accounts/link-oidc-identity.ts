import 'server-only';
import { accountTargetSchema } from '@/lib/core/schemas/account';
import { oidcLinkSchema } from '@/lib/core/schemas/sign-in-settings';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { oidcSubjectKey, readOidcSettings } from '@/lib/server/auth/oidc-sign-in';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';

/**
 * 督查室 links an account to its identity at the county provider by the provider's subject (`sub`),
 * for people whose account name there differs from luoshi's. One identity, one account.
 */
export async function linkOidcIdentity({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'user.manage')) throw notFound();
  const { userId, subject } = parseInput(oidcLinkSchema, input);
  const settings = await readOidcSettings();
  if (!settings) throw new UserFacingError('尚未启用统一身份认证，请先在“登录方式”中配置');
  const key = oidcSubjectKey(settings.issuer, subject);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, oidcSubject: true } });
    if (!target) throw notFound();
    const holder = await tx.user.findUnique({ where: { oidcSubject: key }, select: { id: true, username: true } });
    if (holder && holder.id !== target.id) {
      throw new UserFacingError(`该标识已关联账号 ${holder.username}，请先在其页面解除`, 'CONFLICT', { subject: ['该标识已关联其他账号'] });
    }
    await tx.user.update({ where: { id: target.id }, data: { oidcSubject: key } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'account.oidc.link', entity: 'User', entityId: target.id, before: { oidcSubject: target.oidcSubject }, after: { oidcSubject: key }, ip });
  });
}

/** 督查室 removes an account's link to an external identity; the next sign-in links by account name again. */
export async function unlinkOidcIdentity({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'user.manage')) throw notFound();
  const { userId } = parseInput(accountTargetSchema, input);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, oidcSubject: true } });
    if (!target) throw notFound();
    if (!target.oidcSubject) throw new UserFacingError('该账号未关联统一身份认证');
    await tx.user.update({ where: { id: target.id }, data: { oidcSubject: null } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'account.oidc.unlink', entity: 'User', entityId: target.id, before: { oidcSubject: target.oidcSubject }, after: { oidcSubject: null }, ip });
  });
}
