import { apiRoute } from '@/lib/server/api/api-route';
import { unitView } from '@/lib/server/api/api-views';
import { listUnits } from '@/lib/server/directory/list-units';
import { unitListParamsSchema } from '@/lib/core/schemas/directory';
import { searchRecord } from '@/lib/core/schemas/task-list';

/** GET /api/v1/units: the directory's units, as the office's unit list (office accounts only). */
export const GET = apiRoute('READ', async ({ caller, request }) => {
  const params = unitListParamsSchema.parse(searchRecord(new URL(request.url).searchParams));
  const { rows, total } = await listUnits({ user: caller.user, params });
  return { items: rows.map(unitView), total };
});
