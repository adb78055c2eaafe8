import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { getAccountLock } from '@/lib/server/accounts/get-account-lock';

export const credentialsSchema = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(200, '密码过长'),
});

export class SignInRefused extends Error {}

let UNKNOWN_USER_HASH: string | undefined;

/**
 * Checks a username and password. Five failures for one account within 15 minutes lock it for
 * 15 minutes; attempts during the lock are refused without checking the password.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<SessionUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInRefused(parsed.error.issues[0]?.message ?? '账号或密码格式不正确');
  const { username, password } = parsed.data;

  const lock = await getAccountLock(username);
  if (lock.locked) {
    throw new SignInRefused(`登录失败次数过多，账号已锁定，请在 ${lock.minutesLeft} 分钟后再试`);
  }

  const user = await db.user.findUnique({ where: { username } });
  // Compare against a fixed hash when the user is unknown, so timing does not reveal which accounts exist.
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (UNKNOWN_USER_HASH ??= bcrypt.hashSync('-', 10)));
  if (!user || !ok || !user.active) {
    await db.loginAttempt.create({ data: { username, userId: user?.id ?? null, success: false, ip } });
    throw new SignInRefused('账号或密码错误');
  }
  await db.loginAttempt.create({ data: { username, userId: user.id, success: true, ip } });
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}
