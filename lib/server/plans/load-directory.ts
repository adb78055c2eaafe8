import 'server-only';
import { db } from '@/lib/server/db';

/** Units and leaders that plan owners are matched against. */
export async function loadDirectory() {
  const [units, leaders] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { sortOrder: 'asc' } }),
    db.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true, name: true, title: true }, orderBy: { name: 'asc' } }),
  ]);
  return { units, leaders };
}
