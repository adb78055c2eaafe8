import 'server-only';
import type { NextRequest } from 'next/server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { cache } from 'react';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { loadLiveSession, type LiveSession } from '@/lib/server/auth/user-sessions';

/**
 * The request's live session, checked against the database once per request (React `cache`):
 * null without a valid cookie, or when the session was revoked or expired or the user deactivated.
 */
export const getLiveSession = cache(async (): Promise<LiveSession | null> => {
  // getToken reads the (possibly chunked) session cookie; it needs only `cookies` and `headers`.
  const request = { cookies: await cookies(), headers: await headers() } as unknown as NextRequest;
  const token = await getToken({ req: request });
  if (typeof token?.sid !== 'string' || typeof token.uid !== 'string') return null;
  return loadLiveSession(token.sid, token.uid);
});

/**
 * The signed-in user, or null. A user who must change their password first counts as signed out
 * everywhere except the password page, so no action or download runs on a one-time password.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getLiveSession();
  return session && !session.mustChangePassword ? session.user : null;
}

/**
 * For pages and form actions that answer with a page: the signed-in user, or a redirect to the
 * sign-in page, or to the password page while the password must be changed.
 */
export async function requireUser(): Promise<SessionUser> {
  const session = await getLiveSession();
  if (!session) redirect('/login');
  if (session.mustChangePassword) redirect('/account/password');
  return session.user;
}
