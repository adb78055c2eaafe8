// Server-side sessions: every request re-reads the session and the user, so a revocation, a
// deactivation or a role/unit change takes effect at the user's next request.
import { afterEach, describe, expect, test } from 'vitest';
import { authOptions } from '@/lib/server/auth/options';
import { revokeUserSessions } from '@/lib/server/auth/revoke-user-sessions';
import { ENDED_SESSION_RETENTION_DAYS, loadLiveSession, pruneEndedSessions, startUserSession } from '@/lib/server/auth/user-sessions';
import { testDb, unitId } from '../support/db';

const USERNAME = 'gfz_staff';

async function signedIn() {
  const user = await testDb.user.findUniqueOrThrow({ where: { username: USERNAME } });
  const sessionId = await startUserSession(user.id, { ip: '10.0.0.1', userAgent: 'vitest' });
  return { user, sessionId };
}

afterEach(async () => {
  await testDb.user.update({
    where: { username: USERNAME },
    data: { active: true, role: 'UNIT_STAFF', unitId: await unitId('gfz') },
  });
});

describe('server-side sessions', () => {
  test('a sign-in records a session that loads the user as the database has them', async () => {
    const { user, sessionId } = await signedIn();
    const row = await testDb.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ userId: user.id, revokedAt: null, ip: '10.0.0.1', userAgent: 'vitest' });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(12 * 3600_000, -4);
    await expect(loadLiveSession(sessionId, user.id)).resolves.toEqual({
      sessionId,
      mustChangePassword: false,
      user: { id: user.id, username: USERNAME, name: user.name, role: 'UNIT_STAFF', unitId: user.unitId },
    });
  });

  test('a role or unit change shows at the next request', async () => {
    const { user, sessionId } = await signedIn();
    const fgj = await unitId('fgj');
    await testDb.user.update({ where: { id: user.id }, data: { role: 'UNIT_HEAD', unitId: fgj } });
    expect((await loadLiveSession(sessionId, user.id))?.user).toMatchObject({ role: 'UNIT_HEAD', unitId: fgj });
  });

  test('a deactivated user is signed out at the next request', async () => {
    const { user, sessionId } = await signedIn();
    await testDb.user.update({ where: { id: user.id }, data: { active: false } });
    await expect(loadLiveSession(sessionId, user.id)).resolves.toBeNull();
  });

  test('revoking a user’s sessions ends all of them, or all but the one named', async () => {
    const first = await signedIn();
    const second = await signedIn();
    await testDb.$transaction((tx) => revokeUserSessions(tx, first.user.id, { exceptSessionId: second.sessionId }));
    await expect(loadLiveSession(first.sessionId, first.user.id)).resolves.toBeNull();
    await expect(loadLiveSession(second.sessionId, first.user.id)).resolves.not.toBeNull();
    await testDb.$transaction((tx) => revokeUserSessions(tx, first.user.id));
    await expect(loadLiveSession(second.sessionId, first.user.id)).resolves.toBeNull();
  });

  test('signing out revokes that session only: its cookie, replayed, is refused', async () => {
    const mine = await signedIn();
    const other = await signedIn();
    await authOptions.events!.signOut!({ token: { uid: mine.user.id, sid: mine.sessionId, username: USERNAME }, session: null as never });
    await expect(loadLiveSession(mine.sessionId, mine.user.id)).resolves.toBeNull();
    expect((await testDb.userSession.findUniqueOrThrow({ where: { id: mine.sessionId } })).revokedAt).not.toBeNull();
    await expect(loadLiveSession(other.sessionId, other.user.id)).resolves.not.toBeNull();
  });

  test('an expired session, or a session id presented with another user id, is refused', async () => {
    const { user, sessionId } = await signedIn();
    const admin = await testDb.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await expect(loadLiveSession(sessionId, admin.id)).resolves.toBeNull();
    await testDb.userSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(loadLiveSession(sessionId, user.id)).resolves.toBeNull();
  });

  test('the daily prune deletes only sessions that ended before the retention', async () => {
    const now = new Date();
    const dayMs = 86_400_000;
    const beforeRetention = new Date(now.getTime() - (ENDED_SESSION_RETENTION_DAYS + 1) * dayMs);
    const withinRetention = new Date(now.getTime() - (ENDED_SESSION_RETENTION_DAYS - 1) * dayMs);
    const [expiredLongAgo, revokedLongAgo, expiredRecently, live] = await Promise.all([signedIn(), signedIn(), signedIn(), signedIn()]);
    await testDb.userSession.update({ where: { id: expiredLongAgo.sessionId }, data: { expiresAt: beforeRetention } });
    await testDb.userSession.update({ where: { id: revokedLongAgo.sessionId }, data: { revokedAt: beforeRetention } });
    await testDb.userSession.update({ where: { id: expiredRecently.sessionId }, data: { expiresAt: withinRetention } });
    const { deleted } = await pruneEndedSessions(now);
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await testDb.userSession.findMany({
      where: { id: { in: [expiredLongAgo, revokedLongAgo, expiredRecently, live].map((s) => s.sessionId) } },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([expiredRecently.sessionId, live.sessionId].sort());
  });
});
