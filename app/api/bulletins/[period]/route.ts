import { getSessionUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { buildBulletin } from '@/lib/server/bulletins/build-bulletin';
import { buildBulletinWorkbook, bulletinFileName } from '@/lib/core/export/bulletin-workbook';
import { contentDisposition } from '@/lib/core/attachments/policy';

/** GET /api/bulletins/YYYY-MM: the month's 通报 (as previewed now) as an .xlsx; office only. */
export async function GET(_request: Request, { params }: { params: Promise<{ period: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });
  // Other roles learn nothing, not even that the route exists for them.
  if (!can(user, 'bulletin.issue')) return Response.json({ error: '未找到 / not found' }, { status: 404 });
  try {
    const content = await buildBulletin({ user, period: (await params).period });
    const body = await buildBulletinWorkbook(content);
    const { name, asciiName } = bulletinFileName(content);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': contentDisposition(name, asciiName),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  }
}
