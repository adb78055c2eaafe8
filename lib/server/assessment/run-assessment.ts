import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { runAssessmentSchema } from '@/lib/core/schemas/assessment';
import { dateFromIso } from '@/lib/core/schemas/common';
import { computeAssessmentResults } from './compute-assessment-results';
import { jsonValue, lockAssessment, publishedLocked, schemeForYear } from './assessment-rows';

/**
 * Computes the year's results on an assessment date under the year's scheme (督查室 only). Running
 * again replaces the results (adjustments stay, approval is void); a published result never changes.
 */
export async function runAssessment({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'assessment.manage')) throw forbidden('计算考核结果');
  const { year, asOf } = parseInput(runAssessmentSchema, input);
  return db.$transaction(async (tx) => {
    await lockAssessment(tx, year);
    const existing = await tx.assessment.findUnique({ where: { year } });
    if (existing?.status === 'PUBLISHED') throw publishedLocked();
    const { scheme } = await schemeForYear(tx, year);
    const results = await computeAssessmentResults(tx, { year, asOf, scheme });
    const data = { asOf: dateFromIso(asOf), scheme: jsonValue(scheme), results: jsonValue(results), computedAt: new Date(), status: 'DRAFT' as const, approvedByName: null, approvedAt: null };
    const row = existing
      ? await tx.assessment.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.assessment.create({ data: { year, ...data } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'assessment.run',
      entity: 'Assessment',
      entityId: row.id,
      before: existing && { status: existing.status, asOf: existing.asOf },
      after: { year, asOf, scheme: scheme.name, scores: Object.fromEntries(results.map((r) => [r.unitName, r.score])) },
      ip,
    });
    const leaders = await tx.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true } });
    await createNotifications(
      tx,
      { userIds: leaders.map((leader) => leader.id) },
      { kind: 'assessment.computed', title: `${year}年度考核结果已计算，请审定`, link: `/assessment?year=${year}` },
      user.id,
    );
    return row;
  });
}
