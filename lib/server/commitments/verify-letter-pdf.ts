import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { parseLookupQuery, pdfDocumentTitle } from '@/lib/core/commitment/lookup';
import { verifyPdfSignature } from '@/lib/core/integrity/pdf-signature';
import { trustedPdfCertificates } from '@/lib/platform/keys/pdf-certificate';
import { letterSelect } from '@/lib/server/verify/letter-records';
import { checkAuditAnchors } from '@/lib/server/verify/check-audit-anchors';
import { describeLetters, type LetterMatch } from './find-by-hash';

export type PdfVerification =
  | { ok: false; message: string }
  | { ok: true; match: LetterMatch; certificateFingerprint: string; chain: Awaited<ReturnType<typeof checkAuditAnchors>> };

/**
 * Verifies an uploaded letter PDF by its bytes: its embedded signature must be the county's and
 * cover the whole unchanged file; only then is the hash in its (signed) document title looked up,
 * and the letter it names checked like any other. A forged PDF that kept the 核验码 but changed the
 * text, or one whose signature was removed, is refused here.
 */
export async function verifyLetterPdf({ user, bytes }: { user: SessionUser; bytes: Uint8Array }): Promise<PdfVerification> {
  const signature = verifyPdfSignature(bytes, new Set(trustedPdfCertificates().keys()));
  if (!signature.ok) return { ok: false, message: signature.message };
  const title = pdfDocumentTitle(bytes);
  const lookup = title === null ? null : parseLookupQuery(title);
  if (lookup?.kind !== 'hash') return { ok: false, message: '签名有效，但文件中没有承诺书的哈希值，不是本系统下载的承诺书。' };
  const rows = await db.commitmentVersion.findMany({ where: { contentHash: lookup.hash, status: { not: 'DRAFT' } }, orderBy: { createdAt: 'asc' }, take: 1, select: letterSelect });
  if (rows.length === 0) return { ok: false, message: '文件签名有效，但系统中找不到它所对应的已下发承诺书（记录可能已被删除），请联系督查室。' };
  const [match] = await describeLetters(user, rows);
  return { ok: true, match: match!, certificateFingerprint: signature.certificateFingerprint, chain: await checkAuditAnchors(db) };
}
