import { getSessionUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { exportDirectory } from '@/lib/server/directory/export-directory';
import { buildDirectoryWorkbook } from '@/lib/core/directory/workbook';
import { contentDisposition } from '@/lib/core/attachments/policy';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';

/** The directory workbook (or its empty template) as a download, for the office only; others get 404. */
export async function directoryDownload({ template }: { template: boolean }): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });
  try {
    const now = new Date();
    const workbook = await buildDirectoryWorkbook(await exportDirectory({ user, template }), now);
    const day = shanghaiIsoDate(now).replaceAll('-', '');
    const [name, asciiName] = template ? ['目录工作簿模板.xlsx', 'directory-template.xlsx'] : [`目录工作簿-${day}.xlsx`, `directory-${day}.xlsx`];
    return new Response(new Uint8Array(workbook), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': contentDisposition(name, asciiName),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'NOT_FOUND') return Response.json({ error: '未找到' }, { status: 404 });
    throw error;
  }
}
