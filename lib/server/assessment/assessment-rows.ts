import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import { notFound, staleVersion, UserFacingError } from '@/lib/server/errors';
import { assessmentSchemeSchema, DEFAULT_SCHEME } from '@/lib/core/assessment/scheme';
import type { Adjustment, UnitResult } from '@/lib/core/assessment/result';

// Shared by the assessment data-layer functions; each of them authorizes before calling these.

/** The year's stored 考核办法, or the default when the office has not set one (version 0). */
export async function schemeForYear(client: Db | Tx, year: number) {
  const row = await client.assessmentScheme.findUnique({ where: { year } });
  if (!row) return { year, scheme: DEFAULT_SCHEME, version: 0, updatedByName: null, updatedAt: null };
  const parsed = assessmentSchemeSchema.safeParse(row.scheme);
  // A stored scheme that no longer parses was edited outside the app: say so rather than score by it.
  if (!parsed.success) throw new UserFacingError(`${year}年考核办法已损坏，请重新保存`, 'CONFLICT');
  return { year, scheme: parsed.data, version: row.version, updatedByName: row.updatedByName, updatedAt: row.updatedAt };
}

/** Serialises every write to one year's assessment until commit. */
export async function lockAssessment(tx: Tx, year: number) {
  return (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Assessment" WHERE year = ${year} FOR UPDATE`)[0] ?? null;
}

/** Stored JSON as typed values: written only by these functions from the core's types. */
export const storedResults = (value: unknown) => value as UnitResult[];
export const storedAdjustments = (value: unknown) => value as Adjustment[];
export const jsonValue = <T>(value: T) => JSON.parse(JSON.stringify(value)) as object;

export const ASSESSMENT_STATUS_LABELS = { DRAFT: '待审定', APPROVED: '已审定，待公布', PUBLISHED: '已公布' } as const;

export const publishedLocked = () => new UserFacingError('考核结果已公布并锁定，不能修改', 'CONFLICT');

/** Locks the year's results for a step the user took on the version they saw: refused once published or when stale. */
export async function lockUnpublishedAssessment(tx: Tx, year: number, version: number) {
  if (!(await lockAssessment(tx, year))) throw notFound();
  const row = await tx.assessment.findUniqueOrThrow({ where: { year } });
  if (row.status === 'PUBLISHED') throw publishedLocked();
  if (row.version !== version) throw staleVersion();
  return row;
}
