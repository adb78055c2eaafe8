import 'server-only';
import type { Tx } from '@/lib/server/db';

/**
 * Ends a user's sessions inside the caller's transaction: the next request carrying any of their
 * cookies is treated as signed out. Called on deactivation, a role or unit change, a password
 * change (`exceptSessionId` keeps the session that made the change) and an admin reset.
 */
export async function revokeUserSessions(tx: Tx, userId: string, { exceptSessionId }: { exceptSessionId?: string } = {}) {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
