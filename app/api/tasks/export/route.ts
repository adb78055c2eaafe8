import { getSessionUser } from '@/lib/server/auth/session';
import { UserFacingError } from '@/lib/server/errors';
import { exportTaskLedger } from '@/lib/server/tasks/export-task-ledger';
import { parseTaskListParams, searchRecord } from '@/lib/core/schemas/task-list';
import { buildLedgerWorkbook, ledgerFileName, ledgerFilterWords } from '@/lib/core/export/ledger-workbook';
import { listTaskChoices } from '@/lib/server/tasks/list-task-choices';
import { contentDisposition } from '@/lib/core/attachments/policy';

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GET /api/tasks/export?<the task list's filters>: the filtered list, in the user's scope, as an .xlsx ledger. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: '未登录 / unauthenticated' }, { status: 401 });

  const url = new URL(request.url);
  const params = parseTaskListParams(searchRecord(url.searchParams));
  const exportedAt = new Date();
  try {
    const [rows, choices] = await Promise.all([exportTaskLedger({ user, params, today: exportedAt }), listTaskChoices({ user })]);
    const workbook = await buildLedgerWorkbook({ rows, exportedAt });
    // The file name keeps the filters, by the names the user chose them by (within the user's choices).
    const filters = ledgerFilterWords(params, {
      plan: choices.plans.find((p) => p.id === params.planId)?.title,
      unit: choices.units.find((u) => u.id === params.unitId)?.shortName,
      leader: choices.leaders.find((l) => l.id === params.leaderId)?.name,
    });
    const { name, asciiName } = ledgerFileName(exportedAt, filters);
    return new Response(new Uint8Array(workbook), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': contentDisposition(name, asciiName),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) {
      // The user followed a link: answer with a page that says why and leads back to the same list.
      const back = `/tasks${url.search}`;
      const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>无法导出</title></head>
<body style="font-family: sans-serif; padding: 1rem"><p>${escapeHtml(error.message)}</p><p><a href="${escapeHtml(back)}">返回任务台账</a></p></body></html>`;
      return new Response(page, { status: 422, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    }
    throw error;
  }
}
