import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { canonicalize } from '@/lib/core/commitment/canonical';
import { sha256Hex } from '@/lib/core/commitment/letter';
import { assessmentSchemeSchema } from '@/lib/core/assessment/scheme';
import { assessmentSealPayload, finalResults } from '@/lib/core/assessment/result';
import { checkPayloadSignature } from '@/lib/core/integrity/sm2';
import { isoFromDate } from '@/lib/core/schemas/common';
import { countyPublicKeys } from '@/lib/platform/keys/county-keys';
import { storedAdjustments, storedResults } from './assessment-rows';

/** Problems of a published result: its hash, its canonical text against the stored rows, the county's seal. */
function publishedProblems(row: { id: string; year: number; results: unknown; adjustments: unknown; canonical: string | null; contentHash: string | null; sealKeyId: string | null; sealSignature: string | null }) {
  if (row.canonical === null || row.contentHash === null) return ['缺少公布时的规范文本或哈希'];
  const problems: string[] = [];
  if (sha256Hex(row.canonical) !== row.contentHash) problems.push('内容哈希不符');
  const published = JSON.parse(row.canonical) as { assessmentId?: string; year?: number; results?: unknown; adjustments?: unknown };
  const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);
  if (published.assessmentId !== row.id || published.year !== row.year || !same(published.results, row.results) || !same(published.adjustments, row.adjustments)) {
    problems.push('考核结果与公布时的内容不一致');
  }
  const check = checkPayloadSignature(
    assessmentSealPayload({ assessmentId: row.id, year: row.year, contentHash: row.contentHash }),
    { keyId: row.sealKeyId, signature: row.sealSignature },
    countyPublicKeys(),
  );
  if (check !== 'valid') problems.push('县级密钥签章验证失败');
  return problems;
}

/**
 * The year's assessment as the office and county leaders see it: status, the scheme applied, every
 * unit's final row (score, adjustment, rank, the lines behind each point, tasks apart), and for a
 * published result whether its hash and seal still hold. null before the first run.
 */
export async function getAssessment({ user, year }: { user: SessionUser; year: number }) {
  if (!can(user, 'assessment.view')) throw forbidden('查看年终考核');
  const row = await db.assessment.findUnique({ where: { year } });
  if (!row) return null;
  const problems = row.status === 'PUBLISHED' ? publishedProblems(row) : [];
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
