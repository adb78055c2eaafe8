import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

const UNIT = { id: true, code: true, shortName: true, active: true } as const;

/** 分管 at a glance: every leader with the units they oversee, and the active units nobody oversees. */
export async function listLeaders({ user }: { user: SessionUser }) {
  if (!can(user, 'user.manage')) throw notFound();
  const [leaders, unassigned] = await Promise.all([
    db.user.findMany({
      where: { role: 'LEADER' },
      orderBy: [{ active: 'desc' }, { username: 'asc' }],
      select: {
        id: true,
        username: true,
        name: true,
        title: true,
        active: true,
        overseenUnits: { select: { unit: { select: UNIT } }, orderBy: { unit: { sortOrder: 'asc' } } },
      },
    }),
    db.unit.findMany({ where: { active: true, overseenBy: { none: {} } }, orderBy: { sortOrder: 'asc' }, select: UNIT }),
  ]);
  return { leaders: leaders.map(({ overseenUnits, ...leader }) => ({ ...leader, units: overseenUnits.map((link) => link.unit) })), unassigned };
}

