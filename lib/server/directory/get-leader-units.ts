import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

/** One leader and every unit, for editing what they oversee. */
export async function getLeaderUnits({ user, leaderId }: { user: SessionUser; leaderId: string }) {
  if (!can(user, 'user.manage')) throw notFound();
  const leader = await db.user.findFirst({
    where: { id: leaderId, role: 'LEADER' },
    select: { id: true, username: true, name: true, title: true, overseenUnits: { select: { unitId: true } } },
  });
  if (!leader) throw notFound();
  const units = await db.unit.findMany({
    orderBy: [{ active: 'desc' }, { sortOrder: 'asc' }],
    select: { id: true, shortName: true, active: true, overseenBy: { select: { leader: { select: { id: true, name: true } } } } },
  });
  return {
    leader: { id: leader.id, username: leader.username, name: leader.name, title: leader.title },
    selectedUnitIds: leader.overseenUnits.map((link) => link.unitId),
    units: units.map(({ overseenBy, ...unit }) => ({
      ...unit,
      otherLeaders: overseenBy.map((link) => link.leader).filter((other) => other.id !== leader.id).map((other) => other.name),
    })),
  };
}
