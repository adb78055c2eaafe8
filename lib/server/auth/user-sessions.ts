import 'server-only';
import type { Role } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';

/** How long a sign-in lasts, on the server (UserSession.expiresAt) and in the cookie. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Records a new signed-in session; its id travels in the next-auth JWT as `sid`. */
export async function startUserSession(userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const row = await db.userSession.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** Signing out: the session is revoked on the server, so a replayed cookie no longer works. */
export async function endUserSession(sessionId: string) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type LiveSession = { sessionId: string; user: SessionUser; mustChangePassword: boolean };

/**
 * The live session `sessionId` of `userId` with the user as the database has them now, or null when
 * the session is unknown, revoked or expired, or the user is inactive. One query, by primary keys.
 */
export async function loadLiveSession(sessionId: string, userId: string): Promise<LiveSession | null> {
  const rows = await db.$queryRaw<
    { id: string; username: string; name: string; role: Role; unitId: string | null; mustChangePassword: boolean }[]
  >`SELECT u."id", u."username", u."name", u."role"::text AS "role", u."unitId", u."mustChangePassword"
      FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."id" = ${sessionId} AND s."userId" = ${userId}
       AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."active"`;
  const row = rows[0];
  if (!row) return null;
  const { mustChangePassword, ...user } = row;
  return { sessionId, user, mustChangePassword };
}

/**
 * How long an ended session row (who signed in, when, from where) is kept: the session table is the
 * sign-in log, and 网络安全法 art. 21 asks for network logs to be kept at least six months.
 */
export const ENDED_SESSION_RETENTION_DAYS = 190;

/** Deletes session rows that ended (expired or revoked) before the retention, so the table stays small. */
export async function pruneEndedSessions(now: Date) {
  const cutoff = new Date(now.getTime() - ENDED_SESSION_RETENTION_DAYS * 86_400_000);
  const { count } = await db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
  return { deleted: count };
}
