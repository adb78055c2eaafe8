import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { bulkUrgeSchema } from '@/lib/core/schemas/supervision';
import type { BulkOutcome } from '@/lib/core/bulk/outcome';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';

/**
 * 批量催办: the same 催办 on several tasks, each through createSupervisionAction (its own
 * transaction, audit row and notice to the lead unit). A task outside the user's scope reads as
 * not found, as it would one at a time.
 */
export async function urgeTasks({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }): Promise<BulkOutcome> {
  if (!can(user, 'supervision.urge')) throw forbidden('催办');
  const { taskIds, text } = parseInput(bulkUrgeSchema, input);
  const visible = await db.task.findMany({ where: { AND: [{ id: { in: taskIds } }, taskScopeWhere(user)] }, select: { id: true, code: true } });
  const codes = new Map(visible.map((t) => [t.id, t.code]));
  const outcome: BulkOutcome = { done: 0, failed: [] };
  for (const taskId of new Set(taskIds)) {
    try {
      if (!codes.has(taskId)) throw notFound();
      await createSupervisionAction({ user, ip, input: { taskId, kind: 'URGE', text } });
      outcome.done += 1;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      outcome.failed.push({ label: codes.get(taskId) ?? '任务', message: error.message });
    }
  }
  return outcome;
}
