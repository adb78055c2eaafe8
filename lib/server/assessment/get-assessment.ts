import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { assessmentSchemeSchema } from '@/lib/core/assessment/scheme';
import { finalResults } from '@/lib/core/assessment/result';
import { checkPublishedAssessment } from '@/lib/core/assessment/published-check';
import { isoFromDate } from '@/lib/core/schemas/common';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { storedAdjustments, storedResults } from './assessment-rows';

/**
 * The year's assessment as the office and county leaders see it: status, the scheme applied, every
 * unit's final row (score, adjustment, rank, the lines behind each point, tasks apart), and for a
 * published result whether its hash and seal still hold. null before the first run.
 */
export async function getAssessment({ user, year }: { user: SessionUser; year: number }) {
  if (!can(user, 'assessment.view')) throw forbidden('查看年终考核');
  const row = await db.assessment.findUnique({ where: { year } });
  if (!row) return null;
  const problems = row.status === 'PUBLISHED' ? checkPublishedAssessment(row, countyPublicKeys()).map((problem) => problem.zh) : [];
  return {
    id: row.id,
    year: row.year,
    asOf: isoFromDate(row.asOf),
    status: row.status,
    version: row.version,
    scheme: assessmentSchemeSchema.parse(row.scheme),
    rows: finalResults(storedResults(row.results), storedAdjustments(row.adjustments)),
    computedAt: row.computedAt,
    approvedByName: row.approvedByName,
    approvedAt: row.approvedAt,
    publishedAt: row.publishedAt,
    contentHash: row.contentHash,
    sealKeyId: row.sealKeyId,
    intact: problems.length === 0,
    problems,
  };
}

export type AssessmentView = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;
