import 'server-only';
import { lockoutState, LOCKOUT_POLICY } from '@/lib/core/auth/lockout';
import { db } from '@/lib/server/db';

/**
 * Whether sign-in to `username` is locked now (lib/core/auth/lockout.ts). Failures before an
 * administrator's unlock (an `account.unlock` audit event) no longer count; the attempts themselves
 * are kept. The audit table is read only when the failures alone would lock.
 */
export async function getAccountLock(username: string, now = new Date()) {
  const failures = async (after: Date) =>
    (
      await db.loginAttempt.findMany({
        where: { username, success: false, createdAt: { gt: after } },
        orderBy: { createdAt: 'desc' },
        take: LOCKOUT_POLICY.maxFailures,
        select: { createdAt: true },
      })
    ).map((attempt) => attempt.createdAt);

  const recent = await failures(new Date(now.getTime() - 2 * LOCKOUT_POLICY.windowMs));
  const lock = lockoutState(recent, now);
  if (!lock.locked) return lock;
  const user = await db.user.findUnique({ where: { username }, select: { id: true } });
  if (!user) return lock;
  const unlock = await db.auditEvent.findFirst({
    where: { action: 'account.unlock', entity: 'User', entityId: user.id, createdAt: { gte: recent.at(-1)! } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  return unlock ? lockoutState(await failures(unlock.createdAt), now) : lock;
}

