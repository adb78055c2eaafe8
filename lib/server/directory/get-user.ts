import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { getAccountLock } from '@/lib/server/accounts/get-account-lock';

/** One person for their edit page, with whether sign-in is locked after failed attempts. */
export async function getUser({ user, userId }: { user: SessionUser; userId: string }) {
  if (!can(user, 'user.manage')) throw notFound();
  const found = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      name: true,
      title: true,
      role: true,
      unitId: true,
      phone: true,
      active: true,
      mustChangePassword: true,
      totpEnabledAt: true,
      oidcSubject: true,
      updatedAt: true,
      unit: { select: { id: true, name: true, shortName: true } },
      overseenUnits: { select: { unit: { select: { id: true, shortName: true } } }, orderBy: { unit: { sortOrder: 'asc' } } },
    },
  });
  if (!found) throw notFound();
  return { ...found, locked: (await getAccountLock(found.username)).locked };
}

