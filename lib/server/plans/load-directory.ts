import 'server-only';
import { db } from '@/lib/server/db';
import type { ImportDirectory } from '@/lib/core/plan/proposal';

/** How many of the latest review corrections the importer compares items with. */
const CORRECTIONS_USED = 2000;

/**
 * What plan owners are matched against: active units (with their 职责 keywords and aliases),
 * active leaders and the units they oversee (分管), and the office's latest corrections.
 */
export async function loadDirectory(): Promise<ImportDirectory & { units: { id: string; name: string; shortName: string; kind: string; keywords: string[]; aliases: string[] }[] }> {
  const [units, leaders, leaderUnits, corrections] = await Promise.all([
    db.unit.findMany({ where: { active: true }, select: { id: true, name: true, shortName: true, kind: true, keywords: true, aliases: true }, orderBy: { sortOrder: 'asc' } }),
    db.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true, name: true, title: true }, orderBy: { name: 'asc' } }),
    db.leaderUnit.findMany({ where: { leader: { role: 'LEADER', active: true }, unit: { active: true } }, select: { leaderId: true, unitId: true } }),
    db.ownerCorrection.findMany({ where: { unit: { active: true } }, select: { title: true, text: true, unitId: true }, orderBy: { createdAt: 'desc' }, take: CORRECTIONS_USED }),
  ]);
  return { units, leaders, leaderUnits, corrections };
}
