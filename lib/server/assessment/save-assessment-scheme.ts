import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, staleVersion } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { saveSchemeSchema } from '@/lib/core/schemas/assessment';
import { jsonValue, schemeForYear } from './assessment-rows';

/** Saves the year's 考核办法 (督查室 only), guarded by the version the office edited. A published result keeps the scheme it was computed with. */
export async function saveAssessmentScheme({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'assessment.manage')) throw forbidden('修改考核办法');
  const { year, version, scheme } = parseInput(saveSchemeSchema, input);
  return db.$transaction(async (tx) => {
    const before = await schemeForYear(tx, year);
    if (before.version !== version) throw staleVersion();
    if (version === 0) {
      const created = await tx.assessmentScheme.createMany({ data: { year, scheme: jsonValue(scheme), updatedByName: user.name }, skipDuplicates: true });
      if (created.count === 0) throw staleVersion();
    } else {
      const updated = await tx.assessmentScheme.updateMany({ where: { year, version }, data: { scheme: jsonValue(scheme), version: { increment: 1 }, updatedByName: user.name } });
      if (updated.count === 0) throw staleVersion();
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'assessment.scheme.update',
      entity: 'AssessmentScheme',
      entityId: String(year),
      before: { version, scheme: before.scheme },
      after: { version: version + 1, scheme },
      ip,
    });
    return schemeForYear(tx, year);
  });
}
