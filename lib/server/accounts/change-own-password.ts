import 'server-only';
import bcrypt from 'bcryptjs';
import { changePasswordSchema } from '@/lib/core/schemas/account';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { hashPassword } from '@/lib/server/auth/hash-password';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { revokeUserSessions } from '@/lib/server/auth/revoke-user-sessions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';

/**
 * Changes the signed-in user's own password (also the forced change after a reset or at first
 * sign-in). Needs the current password; the new one must pass the policy. The user's other
 * sessions end; the one that made the change stays signed in.
 */
export async function changeOwnPassword({ user, sessionId, input, ip }: { user: SessionUser; sessionId: string; input: unknown; ip: string | null }) {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema(user.username), input);
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, active: true, mustChangePassword: true } });
  if (!account?.active) throw notFound();
  if (!(await bcrypt.compare(currentPassword, account.passwordHash))) {
    throw new UserFacingError('当前密码不正确', 'INVALID', { currentPassword: ['当前密码不正确'] });
  }
  const passwordHash = await hashPassword(newPassword);
  const changedAt = new Date();
  await db.$transaction(async (tx) => {
    // Guarded by the hash just checked: a concurrent change (or reset) wins, this one is refused.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: account.passwordHash },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: changedAt },
    });
    if (count !== 1) throw staleVersion();
    const sessionsEnded = await revokeUserSessions(tx, user.id, { exceptSessionId: sessionId });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'account.password.change',
      entity: 'User',
      entityId: user.id,
      before: { mustChangePassword: account.mustChangePassword },
      after: { mustChangePassword: false, passwordChangedAt: changedAt, sessionsEnded },
      ip,
    });
  });
}
