import { NextResponse, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { getCommitmentVersion } from '@/lib/server/commitments/get-commitment-version';
import { renderLetterPdf } from '@/lib/server/commitments/render-letter-pdf';
import { signLetterPdf } from '@/lib/server/commitments/sign-letter-pdf';
import { contentDisposition } from '@/lib/core/attachments/policy';

export const dynamic = 'force-dynamic';

/**
 * The letter's print view as an A4 PDF with the county's embedded signature, scoped like the page:
 * 401 signed out, 404 out of scope, 409 when the letter's records fail their check.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ versionId: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: '请先登录' }, { status: 401 });
  const { versionId } = await params;

  let found: Awaited<ReturnType<typeof getCommitmentVersion>>;
  try {
    found = await getCommitmentVersion({ user, versionId });
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.message }, { status: 404 });
    throw error;
  }
  const { unit, year, version } = found;
  // A letter whose records fail their check is never handed out as a document that looks valid.
  if (!version.intact) {
    return NextResponse.json({ error: `承诺书校验失败，不能下载：${version.problems.join('；')}。请联系督查室运行完整性核验。` }, { status: 409 });
  }
  const url = new URL(`/commitments/${unit.id}/${year}/print?version=${version.version}`, request.nextUrl.origin);

  let pdf: Buffer;
  try {
    pdf = await renderLetterPdf({ url, cookie: request.headers.get('cookie') ?? '', readySelector: `[data-version-id="${version.id}"]` });
    // Issued versions carry the county's PDF signature; a draft is a working copy and is not signed.
    if (version.status !== 'DRAFT') pdf = await signLetterPdf(pdf);
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.message }, { status: 503 });
    throw error;
  }
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(
        `目标责任承诺书-${unit.name}-${year}-v${version.version}.pdf`,
        `commitment-${unit.code}-${year}-v${version.version}.pdf`,
      ),
      'Cache-Control': 'private, no-store',
    },
  });
}
