import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

const TOKEN_ROW = {
  id: true,
  kind: true,
  name: true,
  scope: true,
  prefix: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  user: { select: { username: true, name: true, role: true, unit: { select: { shortName: true } } } },
  issuedBy: { select: { name: true } },
} as const;

/** The office's list: every token, integrations first, newest first. */
export async function listApiTokens({ user }: { user: SessionUser }) {
  if (!can(user, 'user.manage')) throw notFound();
  return db.apiToken.findMany({ orderBy: [{ kind: 'asc' }, { createdAt: 'desc' }], select: TOKEN_ROW });
}

/** A user's own personal tokens. */
export async function listOwnApiTokens({ user }: { user: SessionUser }) {
  return db.apiToken.findMany({ where: { kind: 'PERSONAL', userId: user.id }, orderBy: { createdAt: 'desc' }, select: TOKEN_ROW });
}

export type ApiTokenRow = Awaited<ReturnType<typeof listOwnApiTokens>>[number];

/** The accounts an integration token may act as: active ones, by unit (the office's own first). */
export async function listApiTokenAccounts({ user }: { user: SessionUser }) {
  if (!can(user, 'user.manage')) throw notFound();
  return db.user.findMany({
    where: { active: true },
    orderBy: [{ unit: { sortOrder: 'asc' } }, { role: 'asc' }, { username: 'asc' }],
    select: { id: true, username: true, name: true, role: true, unit: { select: { shortName: true } } },
  });
}
