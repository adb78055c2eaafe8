import { getSessionUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { getAssessmentScheme } from '@/lib/server/assessment/get-assessment-scheme';
import { assessmentParamsSchema } from '@/lib/core/schemas/assessment';
import { schemeFileText } from '@/lib/core/assessment/scheme';
import { contentDisposition } from '@/lib/core/attachments/policy';

/** GET /api/assessment/YYYY/scheme: the year's 考核办法 as a JSON file to keep or import elsewhere; office only. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });
  const { year } = assessmentParamsSchema.parse(await params);
  if (!can(user, 'assessment.manage') || year === undefined) return Response.json({ error: '未找到 / not found' }, { status: 404 });
  const { scheme } = await getAssessmentScheme({ user, year });
  return new Response(schemeFileText(year, scheme), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': contentDisposition(`${year}年度考核办法.json`, `assessment-scheme-${year}.json`),
      'Cache-Control': 'private, no-store',
    },
  });
}
