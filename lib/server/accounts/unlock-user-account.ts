import 'server-only';
import { accountTargetSchema } from '@/lib/core/schemas/account';
import { getAccountLock } from '@/lib/server/accounts/get-account-lock';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { resetSignInThrottle } from '@/lib/server/auth/sign-in-throttle';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';

/**
 * 督查室 lifts a sign-in lock before it expires. The failed attempts stay on record; the audit
 * event is what makes getAccountLock stop counting them.
 */
export async function unlockUserAccount({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'user.manage')) throw notFound();
  const { userId } = parseInput(accountTargetSchema, input);
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
  if (!target) throw notFound();
  const lock = await getAccountLock(target.username);
  if (!lock.locked) throw new UserFacingError('该账号未被锁定');
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id,
      action: 'account.unlock',
      entity: 'User',
      entityId: target.id,
      before: { username: target.username, lockedUntil: lock.until },
      ip,
    }),
  );
  await resetSignInThrottle(target.username);
}
