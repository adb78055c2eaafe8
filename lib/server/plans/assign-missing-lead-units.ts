import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { planLeadUnitFillSchema } from '@/lib/core/schemas/plan';
import type { Proposal } from '@/lib/core/plan/proposal';

/**
 * Gives every task item of a draft that is not excluded and has no lead unit the chosen unit
 * (as the reviewer's choice, dropping it from the item's co-units). Returns how many changed.
 */
export async function assignMissingLeadUnits({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'plan.import')) throw forbidden('编辑计划');
  const { planId, leadUnitId } = parseInput(planLeadUnitFillSchema, input);
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { status: true } });
    if (!plan) throw notFound();
    if (plan.status !== 'DRAFT') throw new UserFacingError('计划已发布，分解结果不能再修改', 'CONFLICT');
    const unit = await tx.unit.findUnique({ where: { id: leadUnitId }, select: { id: true } });
    if (!unit) throw new UserFacingError('所选单位不存在', 'INVALID', { leadUnitId: ['所选单位不存在'] });
    const items = await tx.planItem.findMany({
      where: { planId, kind: 'TASK', excluded: false },
      orderBy: { position: 'asc' },
      select: { id: true, proposal: true },
    });
    const missing = items.filter((item) => item.proposal && !(item.proposal as Proposal).leadUnitId);
    const changes = missing.map((item) => {
      const before = item.proposal as Proposal;
      const after: Proposal = { ...before, leadUnitId, leadUnitSource: 'reviewer', coUnitIds: before.coUnitIds.filter((id) => id !== leadUnitId) };
      return { id: item.id, before, after };
    });
    for (const change of changes) await tx.planItem.update({ where: { id: change.id }, data: { proposal: change.after } });
    await recordAuditEvents(
      tx,
      changes.map((change) => ({
        actorId: user.id,
        action: 'plan.item.update',
        entity: 'PlanItem',
        entityId: change.id,
        before: { proposal: change.before },
        after: { proposal: change.after },
      })),
    );
    return changes.length;
  });
}
