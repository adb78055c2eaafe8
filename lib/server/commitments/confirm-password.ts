import 'server-only';
import bcrypt from 'bcryptjs';
import { db } from '@/lib/server/db';
import { UserFacingError } from '@/lib/server/errors';

/**
 * Signing asks for the password again, so a session left open cannot sign. A wrong password is
 * refused with 密码错误 and counts toward nothing else (the sign-in lockout is separate).
 */
export async function confirmPassword(userId: string, password: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, passwordHash: true, active: true } });
  if (!user || !user.active || !(await bcrypt.compare(password, user.passwordHash))) {
    throw new UserFacingError('密码错误', 'INVALID', { password: ['密码错误'] });
  }
  return { name: user.name };
}
