import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { assessmentStepSchema } from '@/lib/core/schemas/assessment';
import { lockUnpublishedAssessment } from './assessment-rows';

/** A county leader approves the results exactly as they saw them (the version guards against a later change). */
export async function approveAssessment({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'assessment.approve')) throw forbidden('审定考核结果');
  const { year, version } = parseInput(assessmentStepSchema, input);
  return db.$transaction(async (tx) => {
    const row = await lockUnpublishedAssessment(tx, year, version);
    if (row.status !== 'DRAFT') throw new UserFacingError('考核结果已审定', 'CONFLICT');
    const approvedAt = new Date();
    const updated = await tx.assessment.update({
      where: { id: row.id },
      data: { status: 'APPROVED', approvedByName: user.name, approvedAt, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'assessment.approve',
      entity: 'Assessment',
      entityId: row.id,
      before: { status: row.status, version },
      after: { status: 'APPROVED', approvedByName: user.name, approvedAt },
      ip,
    });
    await createNotifications(tx, { admins: true }, { kind: 'assessment.approved', title: `${year}年度考核结果已由${user.name}审定，可以公布`, link: `/assessment?year=${year}` });
    return updated;
  });
}
