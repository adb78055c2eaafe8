/**
 * The check of a published assessment result, shared by the assessment page and `npm run verify` so
 * both say the same thing: the content is rebuilt from the stored columns (scheme, results,
 * adjustments, dates, names) and must give the canonical text kept at publication, whose SHA-256 is
 * the stored hash, which the county key signed. A score changed in the database breaks the first
 * test; a consistent rewrite of content, text and hash breaks the signature (the private key is not
 * in the database).
 */
import { canonicalize } from '@/lib/core/commitment/canonical';
import { sha256Hex } from '@/lib/core/commitment/letter';
import { assessmentSealPayload, publishedContent, type Adjustment, type UnitResult } from '@/lib/core/assessment/result';
import { checkPayloadSignature } from '@/lib/core/integrity/sm2';
import { isoFromDate } from '@/lib/core/schemas/common';

export interface StoredPublishedAssessment {
  id: string;
  year: number;
  asOf: Date;
  scheme: unknown;
  results: unknown;
  adjustments: unknown;
  approvedByName: string | null;
  publishedAt: Date | null;
  canonical: string | null;
  contentHash: string | null;
  sealKeyId: string | null;
  sealSignature: string | null;
}

/** One finding, in English for the verify script's log and in Chinese for the page. */
export interface PublishedProblem {
  en: string;
  zh: string;
}

const KEY_PROBLEMS = {
  missing: { en: 'not signed with the county key', zh: '缺少县级密钥签章' },
  unknownKey: { en: 'signed with a key the county does not hold', zh: '签章所用密钥不属于本县' },
  invalid: { en: 'county key signature invalid', zh: '县级密钥签章验证失败' },
} as const;

/** The publisher's name is kept only in the canonical text; the rest is rebuilt from the columns. */
function publishedBy(canonical: string): string | null {
  try {
    const parsed = JSON.parse(canonical) as { publishedBy?: unknown };
    return typeof parsed.publishedBy === 'string' ? parsed.publishedBy : null;
  } catch {
    return null;
  }
}

/** Problems of a published result (empty when intact). */
export function checkPublishedAssessment(row: StoredPublishedAssessment, publicKeys: ReadonlyMap<string, string>): PublishedProblem[] {
  if (row.canonical === null || row.contentHash === null || row.publishedAt === null) {
    return [{ en: 'published without its canonical text, hash or date', zh: '缺少公布时的规范文本或哈希' }];
  }
  const problems: PublishedProblem[] = [];
  const by = publishedBy(row.canonical);
  let rebuilt: string | null = null;
  try {
    rebuilt =
      by === null
        ? null
        : canonicalize(
            publishedContent({
              assessmentId: row.id,
              year: row.year,
              asOf: isoFromDate(row.asOf),
              scheme: row.scheme,
              results: row.results as UnitResult[],
              adjustments: row.adjustments as Adjustment[],
              approvedBy: row.approvedByName ?? '',
              publishedBy: by,
              publishedAt: row.publishedAt.toISOString(),
            }),
          );
  } catch {
    rebuilt = null; // stored JSON that cannot be serialised cannot match
  }
  if (rebuilt !== row.canonical) problems.push({ en: 'stored result differs from its published canonical text', zh: '考核结果与公布时的内容不一致' });
  if (sha256Hex(row.canonical) !== row.contentHash) problems.push({ en: 'content hash mismatch', zh: '内容哈希不符' });
  const check = checkPayloadSignature(
    assessmentSealPayload({ assessmentId: row.id, year: row.year, contentHash: row.contentHash }),
    { keyId: row.sealKeyId, signature: row.sealSignature },
    publicKeys,
  );
  if (check !== 'valid') problems.push({ en: `seal ${KEY_PROBLEMS[check].en}`, zh: KEY_PROBLEMS[check].zh });
  return problems;
}
