import 'server-only';
import { db, type Db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { unitRecord } from './unit-record';

/** What keeps a unit from being deleted: anything that refers to it in the record of the year. */
export async function unitReferences(tx: Db | Tx, unitId: string) {
  const [leadTasks, coTasks, users, reports, commitments, supervisions] = await Promise.all([
    tx.task.count({ where: { leadUnitId: unitId } }),
    tx.taskCoUnit.count({ where: { unitId } }),
    tx.user.count({ where: { unitId } }),
    tx.progressReport.count({ where: { unitId } }),
    tx.commitment.count({ where: { unitId } }),
    tx.supervisionAction.count({ where: { recipientUnitId: unitId } }),
  ]);
  return { tasks: leadTasks + coTasks, users, other: reports + commitments + supervisions };
}

/**
 * Deletes a unit that nothing refers to (督查室 only). A unit with tasks or people is history:
 * it can only be deactivated.
 */
export async function deleteUnit({ user, unitId }: { user: SessionUser; unitId: string }) {
  if (!can(user, 'user.manage')) throw forbidden('管理单位');
  await db.$transaction(async (tx) => {
    // Locks the row so no task can be assigned to it between the check and the delete.
    const [stored] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Unit" WHERE "id" = ${unitId} FOR UPDATE`;
    if (!stored) throw notFound();
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    const references = await unitReferences(tx, unitId);
    if (references.tasks > 0 || references.users > 0 || references.other > 0) {
      throw new UserFacingError('该单位已有任务、人员或报送记录，不能删除，只能停用', 'CONFLICT');
    }
    await tx.unit.delete({ where: { id: unitId } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'unit.delete', entity: 'Unit', entityId: unitId, before: unitRecord(unit) });
  });
}
