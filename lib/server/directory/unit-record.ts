import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import { UserFacingError } from '@/lib/server/errors';
import type { UnitRecord } from '@/lib/core/directory/directory-data';

/** The fields of a unit the office edits, as audit rows record them before and after a change. */
export function unitRecord(unit: UnitRecord): UnitRecord {
  const { code, name, shortName, kind, sortOrder, active, keywords, aliases } = unit;
  return { code, name, shortName, kind, sortOrder, active, keywords, aliases };
}

/** Refuses a code or full name another unit already has, on the field that clashes. */
export async function assertUnitUnique(client: Db | Tx, { code, name, exceptId }: { code: string; name: string; exceptId?: string }) {
  const clash = await client.unit.findFirst({
    where: { OR: [{ code }, { name }], ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { code: true, name: true },
  });
  if (!clash) return;
  if (clash.code === code) throw new UserFacingError(`编码“${code}”已被其他单位使用`, 'INVALID', { code: ['该编码已被其他单位使用'] });
  throw new UserFacingError(`全称“${name}”已被其他单位使用`, 'INVALID', { name: ['该全称已被其他单位使用'] });
}
