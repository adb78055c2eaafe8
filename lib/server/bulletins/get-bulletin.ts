import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import type { BulletinContent } from '@/lib/server/bulletins/build-bulletin';

/**
 * One issued 通报 as it was issued. Bulletins are sent to every unit and leader, so any signed-in
 * user may read them; they hold aggregate figures and overdue task titles, nothing more.
 */
export async function getBulletin({ bulletinId }: { user: SessionUser; bulletinId: string }) {
  const bulletin = await db.bulletin.findUnique({ where: { id: bulletinId } });
  if (!bulletin) throw notFound();
  const issuer = await db.user.findUnique({ where: { id: bulletin.issuedById }, select: { name: true, title: true } });
  return { id: bulletin.id, issuedAt: bulletin.issuedAt, issuer, content: bulletin.content as unknown as BulletinContent };
}
