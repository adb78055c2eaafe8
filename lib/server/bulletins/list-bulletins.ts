import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';

/** Issued bulletins, newest first (office only; everyone reads a single one through getBulletin). */
export async function listBulletins({ user, take = 24 }: { user: SessionUser; take?: number }) {
  if (!can(user, 'bulletin.issue')) throw forbidden('查看通报');
  return db.bulletin.findMany({ orderBy: { issuedAt: 'desc' }, take, select: { id: true, periodKey: true, title: true, issuedAt: true } });
}
