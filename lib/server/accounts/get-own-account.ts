import 'server-only';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';

/** What the signed-in user sees of their own account on /account. */
export async function getOwnAccount({ user }: { user: SessionUser }) {
  const account = await db.user.findUnique({
    where: { id: user.id },
    select: { username: true, name: true, role: true, passwordChangedAt: true, unit: { select: { name: true } } },
  });
  if (!account) throw notFound();
  return { username: account.username, name: account.name, role: account.role, passwordChangedAt: account.passwordChangedAt, unitName: account.unit?.name ?? null };
}
