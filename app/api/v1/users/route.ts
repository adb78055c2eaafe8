import { apiRoute } from '@/lib/server/api/api-route';
import { userView } from '@/lib/server/api/api-views';
import { listUsers } from '@/lib/server/directory/list-users';
import { userListParamsSchema } from '@/lib/core/schemas/directory';
import { searchRecord } from '@/lib/core/schemas/task-list';

/** GET /api/v1/users: the directory's people, as the office's user list (office accounts only). */
export const GET = apiRoute('READ', async ({ caller, request }) => {
  const params = userListParamsSchema.parse(searchRecord(new URL(request.url).searchParams));
  const { rows, total } = await listUsers({ user: caller.user, params });
  return { items: rows.map(userView), total };
});
