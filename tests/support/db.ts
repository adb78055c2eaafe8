// Test-side access to the database and the demo directory.
import { inject } from 'vitest';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import type { SessionUser } from '@/lib/server/auth/permissions';

export const testDb = createPrismaClient(inject('databaseUrl'), 4);
export const databaseKind = inject('databaseKind');

/** The session user for a seeded demo account, e.g. 'admin', 'leader', 'fgj_head'. */
export async function sessionUser(username: string): Promise<SessionUser> {
  const user = await testDb.user.findUniqueOrThrow({ where: { username } });
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}

export async function unitId(code: string) {
  return (await testDb.unit.findUniqueOrThrow({ where: { code } })).id;
}
