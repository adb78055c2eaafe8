import { getSessionUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { idSchema } from '@/lib/core/schemas/common';
import { formatChineseDate } from '@/lib/core/format/date-time';
import { buildBulletinDocument, bulletinDocumentFileName } from '@/lib/core/export/bulletin-document';
import { contentDisposition } from '@/lib/core/attachments/policy';

/** GET /api/bulletin-documents/<id>: an issued 通报 as a Word document, for whoever may read it (every signed-in user). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ error: '未找到 / not found' }, { status: 404 });
  let bulletin: Awaited<ReturnType<typeof getBulletin>>;
  try {
    bulletin = await getBulletin({ user, bulletinId: id.data });
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: '未找到 / not found' }, { status: 404 });
    throw error;
  }
  const { content } = bulletin;
  const body = await buildBulletinDocument({
    ...content,
    overdueCount: content.overdue.count,
    issuer: `${(await getInstallationSettings()).countyName}督查室`,
    dateText: formatChineseDate(bulletin.issuedAt),
  });
  const { name, asciiName } = bulletinDocumentFileName(content);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': contentDisposition(name, asciiName),
      'Cache-Control': 'private, no-store',
    },
  });
}
