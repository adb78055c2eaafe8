import 'server-only';
import bcrypt from 'bcryptjs';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { checkSignInThrottle, recordSignInFailure } from '@/lib/server/auth/sign-in-throttle';

/**
 * Signing asks for the password again, so a session left open cannot sign. It is throttled like
 * sign-in and counts toward the same lockout: a wrong password here is a failed attempt for the
 * account from that address, and a locked account cannot sign until the lock ends.
 */
export async function confirmPassword({ user, password, ip }: { user: SessionUser; password: string; ip: string | null }) {
  const throttle = await checkSignInThrottle(user.username, ip);
  if ('refused' in throttle) throw new UserFacingError(throttle.refused, 'FORBIDDEN', { password: [throttle.refused] });
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  const row = await db.user.findUnique({ where: { id: user.id }, select: { name: true, passwordHash: true, active: true } });
  if (!row || !row.active || !(await bcrypt.compare(password, row.passwordHash))) {
    await db.loginAttempt.create({ data: { username: user.username, userId: user.id, success: false, ip } });
    await recordSignInFailure(user.username, ip);
    throw new UserFacingError('密码错误', 'INVALID', { password: ['密码错误'] });
  }
  return { name: row.name };
}
