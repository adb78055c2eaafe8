import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { unitUpdateSchema } from '@/lib/core/schemas/directory';
import { assertUnitUnique, unitRecord } from './unit-record';

/**
 * Edits a unit (督查室 only). A rename keeps the unit's id, so its tasks, reports and letters stay
 * with it; the audit row keeps the old name. `updatedAt` from the form guards against a lost update.
 */
export async function updateUnit({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'user.manage')) throw forbidden('管理单位');
  const { unitId, updatedAt, ...data } = parseInput(unitUpdateSchema, input);
  const after = unitRecord({ ...data, shortName: data.shortName ?? data.name });
  return db.$transaction(async (tx) => {
    const stored = await tx.unit.findUnique({ where: { id: unitId } });
    if (!stored) throw notFound();
    if (stored.updatedAt.toISOString() !== updatedAt) throw staleVersion();
    await assertUnitUnique(tx, { ...after, exceptId: unitId });
    const { count } = await tx.unit.updateMany({ where: { id: unitId, updatedAt: stored.updatedAt }, data: after });
    if (count === 0) throw staleVersion();
    await recordAuditEvent(tx, { actorId: user.id, action: 'unit.update', entity: 'Unit', entityId: unitId, before: unitRecord(stored), after });
    return tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  });
}
