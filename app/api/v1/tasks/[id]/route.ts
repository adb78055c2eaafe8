import { apiRoute } from '@/lib/server/api/api-route';
import { pathId } from '@/lib/server/api/api-params';
import { taskDetailView } from '@/lib/server/api/api-views';
import { getTask } from '@/lib/server/tasks/get-task';

/** GET /api/v1/tasks/{id}: one task in the token's scope (another unit's task is not found). */
export const GET = apiRoute<{ id: string }>('READ', async ({ caller, params }) =>
  taskDetailView(await getTask({ user: caller.user, taskId: pathId(params.id) })),
);
