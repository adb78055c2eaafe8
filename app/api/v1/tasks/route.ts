import { apiRoute } from '@/lib/server/api/api-route';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { parseTaskListParams, searchRecord } from '@/lib/core/schemas/task-list';

/** GET /api/v1/tasks?<the ledger's filters>: one page of the tasks in the token's scope. */
export const GET = apiRoute('READ', async ({ caller, request }) => {
  const params = parseTaskListParams(searchRecord(new URL(request.url).searchParams));
  const { rows, total } = await listTasks({ user: caller.user, params });
  return { items: rows, total, page: params.page, pageSize: params.pageSize };
});
