import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { checkSecondFactor } from '@/lib/server/auth/second-factor';
import { SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG } from '@/lib/core/auth/second-factor-messages';
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess, wrongPasswordMessage } from '@/lib/server/auth/sign-in-throttle';

export const credentialsSchema = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(200, '密码过长'),
  /** The second factor's code (or a recovery code), once the form asked for it. */
  code: z.string().max(32, '验证码过长').optional(),
});

export class SignInRefused extends Error {}

let UNKNOWN_USER_HASH: string | undefined;

/**
 * Checks a username and password, throttled per address and per account (sign-in-throttle.ts):
 * five failures for one account from one address within 15 minutes lock it for that address for
 * 15 minutes; attempts during a lock are refused without checking the password.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<SessionUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInRefused(parsed.error.issues[0]?.message ?? '账号或密码格式不正确');
  const { username, password, code } = parsed.data;

  const throttle = await checkSignInThrottle(username, ip);
  if ('refused' in throttle) throw new SignInRefused(throttle.refused);
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));

  const user = await db.user.findUnique({ where: { username } });
  // Compare against a fixed hash when the user is unknown, so timing does not reveal which accounts exist.
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (UNKNOWN_USER_HASH ??= bcrypt.hashSync('-', 10)));
  if (!user || !ok || !user.active) {
    await db.loginAttempt.create({ data: { username, userId: user?.id ?? null, success: false, ip } });
    const remaining = await recordSignInFailure(username, ip);
    throw new SignInRefused(wrongPasswordMessage(remaining));
  }
  // A wrong code counts toward the same throttle as a wrong password.
  const secondFactor = await checkSecondFactor(user, code, ip);
  if (secondFactor === 'required') throw new SignInRefused(SECOND_FACTOR_REQUIRED);
  if (secondFactor === 'wrong') {
    await db.loginAttempt.create({ data: { username, userId: user.id, success: false, ip } });
    await recordSignInFailure(username, ip);
    throw new SignInRefused(SECOND_FACTOR_WRONG);
  }
  await db.loginAttempt.create({ data: { username, userId: user.id, success: true, ip } });
  await recordSignInSuccess(username, ip);
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}
