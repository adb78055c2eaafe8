import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { unitInputSchema } from '@/lib/core/schemas/directory';
import { assertUnitUnique, unitRecord } from './unit-record';

/** A new unit (督查室 only). */
export async function createUnit({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'user.manage')) throw forbidden('管理单位');
  const data = parseInput(unitInputSchema, input);
  const record = unitRecord({ ...data, shortName: data.shortName ?? data.name });
  return db.$transaction(async (tx) => {
    await assertUnitUnique(tx, record);
    const unit = await tx.unit.create({ data: record });
    await recordAuditEvent(tx, { actorId: user.id, action: 'unit.create', entity: 'Unit', entityId: unit.id, after: record });
    return unit;
  });
}
