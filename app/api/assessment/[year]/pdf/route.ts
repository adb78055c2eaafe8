import { NextResponse, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { renderLetterPdf } from '@/lib/server/commitments/render-letter-pdf';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { assessmentFileName } from '@/lib/core/export/assessment-workbook';
import { contentDisposition } from '@/lib/core/attachments/policy';

export const dynamic = 'force-dynamic';

/** GET /api/assessment/YYYY/pdf: the print view as an A4 PDF, rendered with the caller's own session (like the letters). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ year: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: '请先登录' }, { status: 401 });
  const { year } = assessmentParamsSchema.parse(await params);
  if (!can(user, 'assessment.view') || year === undefined) return NextResponse.json({ error: '未找到 / not found' }, { status: 404 });
  const url = new URL(`/assessment/print?year=${year}`, request.nextUrl.origin);
  let pdf: Buffer;
  try {
    pdf = await renderLetterPdf({ url, cookie: request.headers.get('cookie') ?? '', readySelector: `[data-assessment-year="${year}"]` });
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.message }, { status: 503 });
    throw error;
  }
  const { name, asciiName } = assessmentFileName({ year }, 'pdf');
  return new NextResponse(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(name, asciiName), 'Cache-Control': 'private, no-store' },
  });
}
