import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

/** The units a person can be placed in, active ones first. */
export async function listUnitChoices({ user }: { user: SessionUser }) {
  if (!can(user, 'user.manage')) throw notFound();
  return db.unit.findMany({
    orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, code: true, name: true, shortName: true, active: true },
  });
}
