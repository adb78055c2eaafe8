import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assessmentStepSchema } from '@/lib/core/schemas/assessment';
import { canonicalize } from '@/lib/core/commitment/canonical';
import { sha256Hex } from '@/lib/core/commitment/letter';
import { assessmentSealPayload, publishedContent } from '@/lib/core/assessment/result';
import { isoFromDate } from '@/lib/core/schemas/common';
import { signPayload } from '@/lib/core/integrity/sm2';
import { countySigningKey } from '@/lib/platform/keys/county-keys';
import { lockUnpublishedAssessment, storedAdjustments, storedResults } from './assessment-rows';

/**
 * Publishes approved results (督查室 only): from here they are locked. Their canonical text is kept
 * with its SHA-256, and the county key signs the hash like a letter's seal, so a later rewrite of the
 * stored results shows on the page (and cannot be re-signed from the database).
 */
export async function publishAssessment({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'assessment.manage')) throw forbidden('公布考核结果');
  const { year, version } = parseInput(assessmentStepSchema, input);
  return db.$transaction(async (tx) => {
    const row = await lockUnpublishedAssessment(tx, year, version);
    if (row.status !== 'APPROVED') throw new UserFacingError('考核结果须经县领导审定后才能公布', 'CONFLICT');
    const publishedAt = new Date();
    const canonical = canonicalize(
      publishedContent({
        assessmentId: row.id,
        year,
        asOf: isoFromDate(row.asOf),
        scheme: row.scheme,
        results: storedResults(row.results),
        adjustments: storedAdjustments(row.adjustments),
        approvedBy: row.approvedByName ?? '',
        publishedBy: user.name,
        publishedAt: publishedAt.toISOString(),
      }),
    );
    const contentHash = sha256Hex(canonical);
    const seal = signPayload(assessmentSealPayload({ assessmentId: row.id, year, contentHash }), countySigningKey());
    const updated = await tx.assessment.update({
      where: { id: row.id },
      data: { status: 'PUBLISHED', publishedAt, canonical, contentHash, sealKeyId: seal.keyId, sealSignature: seal.signature, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'assessment.publish',
      entity: 'Assessment',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'PUBLISHED', publishedAt, contentHash, sealKeyId: seal.keyId },
      ip,
    });
    return updated;
  });
}
