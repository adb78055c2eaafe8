import { getSessionUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getAssessment } from '@/lib/server/assessment/get-assessment';
import { ASSESSMENT_STATUS_LABELS } from '@/lib/server/assessment/assessment-rows';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { describeScheme } from '@/lib/core/assessment/scheme';
import { assessmentFileName, buildAssessmentWorkbook } from '@/lib/core/export/assessment-workbook';
import { contentDisposition } from '@/lib/core/attachments/policy';

/** GET /api/assessment/YYYY/xlsx: the year's results with every point's line; office and county leaders. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });
  const { year } = assessmentParamsSchema.parse(await params);
  if (!can(user, 'assessment.view') || year === undefined) return Response.json({ error: '未找到 / not found' }, { status: 404 });
  const assessment = await getAssessment({ user, year });
  if (!assessment) return Response.json({ error: '尚未计算考核结果' }, { status: 404 });
  const body = await buildAssessmentWorkbook({
    year,
    asOf: assessment.asOf,
    schemeName: assessment.scheme.name,
    schemeText: describeScheme(assessment.scheme),
    statusLabel: ASSESSMENT_STATUS_LABELS[assessment.status],
    contentHash: assessment.contentHash,
    rows: assessment.rows,
  });
  const { name, asciiName } = assessmentFileName({ year }, 'xlsx');
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(name, asciiName),
      'Cache-Control': 'private, no-store',
    },
  });
}
