import 'server-only';
import { generateOneTimePassword } from '@/lib/core/auth/one-time-password';
import { accountTargetSchema } from '@/lib/core/schemas/account';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { hashPassword } from '@/lib/server/auth/hash-password';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { revokeUserSessions } from '@/lib/server/auth/revoke-user-sessions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';

/**
 * 督查室 resets someone's password: a one-time password, returned once to be handed over and
 * never stored or logged in clear. The user must change it at the next sign-in; every session
 * they have ends now.
 */
export async function resetUserPassword({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'user.manage')) throw notFound();
  const { userId } = parseInput(accountTargetSchema, input);
  if (userId === user.id) throw new UserFacingError('不能重置本人密码，请在“账号”页修改');
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, name: true } });
  if (!target) throw notFound();
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const resetAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: resetAt } });
    const sessionsEnded = await revokeUserSessions(tx, target.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'account.password.reset',
      entity: 'User',
      entityId: target.id,
      after: { username: target.username, mustChangePassword: true, passwordChangedAt: resetAt, sessionsEnded },
      ip,
    });
  });
  return { username: target.username, name: target.name, oneTimePassword };
}
