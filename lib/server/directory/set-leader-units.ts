import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import type { Tx } from '@/lib/server/db';
import { leaderUnitsSchema } from '@/lib/core/schemas/directory';

/**
 * Replaces the units a leader oversees inside the caller's transaction, with its audit row (unit
 * ids before and after). Leaders' scope is read from these rows on every query, so it applies at once.
 */
export async function writeLeaderUnits(tx: Tx, { actor, leaderId, unitIds }: { actor: SessionUser; leaderId: string; unitIds: string[] }) {
  const before = (await tx.leaderUnit.findMany({ where: { leaderId }, select: { unitId: true } })).map((link) => link.unitId);
  const after = [...new Set(unitIds)];
  if (before.length === after.length && before.every((unitId) => after.includes(unitId))) return false;
  await tx.leaderUnit.deleteMany({ where: { leaderId, unitId: { notIn: after } } });
  await tx.leaderUnit.createMany({ data: after.map((unitId) => ({ leaderId, unitId })), skipDuplicates: true });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: 'leader.units.set',
    entity: 'User',
    entityId: leaderId,
    before: { unitIds: before },
    after: { unitIds: after },
  });
  return true;
}

/** 分管: the units a leader oversees (督查室 only). */
export async function setLeaderUnits({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'user.manage')) throw forbidden('调整分管');
  const { leaderId, unitIds } = parseInput(leaderUnitsSchema, input);
  await db.$transaction(async (tx) => {
    const leader = await tx.user.findFirst({ where: { id: leaderId, role: 'LEADER' }, select: { id: true } });
    if (!leader) throw notFound();
    const found = await tx.unit.count({ where: { id: { in: unitIds } } });
    if (found !== new Set(unitIds).size) throw new UserFacingError('所选单位不存在', 'INVALID', { unitIds: ['所选单位不存在'] });
    await writeLeaderUnits(tx, { actor: user, leaderId, unitIds });
  });
}
