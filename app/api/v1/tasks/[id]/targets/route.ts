import { apiRoute } from '@/lib/server/api/api-route';
import { pathId } from '@/lib/server/api/api-params';
import { targetView } from '@/lib/server/api/api-views';
import { getTask } from '@/lib/server/tasks/get-task';

/** GET /api/v1/tasks/{id}/targets: the task's quantified targets with their latest actual values. */
export const GET = apiRoute<{ id: string }>('READ', async ({ caller, params }) => {
  const task = await getTask({ user: caller.user, taskId: pathId(params.id) });
  return { items: task.targets.map(targetView) };
});
