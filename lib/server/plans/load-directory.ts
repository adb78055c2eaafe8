import 'server-only';
import { db } from '@/lib/server/db';

/** Active units (with their 职责 keywords and aliases) and leaders that plan owners are matched against. */
export async function loadDirectory() {
  const [units, leaders] = await Promise.all([
    db.unit.findMany({ where: { active: true }, select: { id: true, name: true, shortName: true, keywords: true, aliases: true }, orderBy: { sortOrder: 'asc' } }),
    db.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true, name: true, title: true }, orderBy: { name: 'asc' } }),
  ]);
  return { units, leaders };
}
