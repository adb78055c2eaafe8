import { apiRoute } from '@/lib/server/api/api-route';
import { pathId } from '@/lib/server/api/api-params';
import { supervisionView } from '@/lib/server/api/api-views';
import { listTaskSupervision } from '@/lib/server/supervision/list-task-supervision';

/** GET /api/v1/tasks/{id}/supervision: the task's 批示 and its 催办/督办 with their answers. */
export const GET = apiRoute<{ id: string }>('READ', async ({ caller, params }) => {
  const { instructions, actions } = await listTaskSupervision({ user: caller.user, taskId: pathId(params.id) });
  return { instructions: instructions.map(supervisionView), actions: actions.map(supervisionView) };
});
