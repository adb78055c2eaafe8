import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { unitReferences } from './delete-unit';

/** One unit for its edit page, with what refers to it (which decides whether it may be deleted). */
export async function getUnit({ user, unitId }: { user: SessionUser; unitId: string }) {
  if (!can(user, 'user.manage')) throw notFound();
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    include: { overseenBy: { select: { leader: { select: { id: true, name: true } } } } },
  });
  if (!unit) throw notFound();
  const references = await unitReferences(db, unitId);
  return { unit, references, deletable: references.tasks === 0 && references.users === 0 && references.other === 0 };
}
