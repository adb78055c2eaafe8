import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { adjustAssessmentSchema } from '@/lib/core/schemas/assessment';
import type { Adjustment } from '@/lib/core/assessment/result';
import { jsonValue, lockUnpublishedAssessment, storedAdjustments, storedResults } from './assessment-rows';

/**
 * Sets the office's adjustment of one unit's score, with its reason (督查室 only); 0 points removes it.
 * The unit must have been scored (a signed letter). Any change voids a leader's approval.
 */
export async function adjustAssessment({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'assessment.manage')) throw forbidden('调整考核得分');
  const { year, version, unitId, points, reason } = parseInput(adjustAssessmentSchema, input);
  return db.$transaction(async (tx) => {
    const row = await lockUnpublishedAssessment(tx, year, version);
    const result = storedResults(row.results).find((r) => r.unitId === unitId);
    if (!result || result.score === null) throw new UserFacingError('该单位没有已签署的承诺书，不能调整得分', 'INVALID', { unitId: ['该单位未参与计分'] });
    const adjustments = storedAdjustments(row.adjustments);
    const before = adjustments.find((a) => a.unitId === unitId) ?? null;
    const rounded = Math.round(points * 10) / 10;
    const after: Adjustment | null = rounded === 0 ? null : { unitId, points: rounded, reason, byName: user.name, at: new Date().toISOString() };
    const next = [...adjustments.filter((a) => a.unitId !== unitId), ...(after ? [after] : [])];
    const updated = await tx.assessment.update({
      where: { id: row.id },
      data: { adjustments: jsonValue(next), version: { increment: 1 }, status: 'DRAFT', approvedByName: null, approvedAt: null },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'assessment.adjust',
      entity: 'Assessment',
      entityId: row.id,
      before: { unit: result.unitName, adjustment: before, status: row.status },
      after: { unit: result.unitName, adjustment: after ?? { points: 0, reason }, status: 'DRAFT' },
      ip,
    });
    return updated;
  });
}
