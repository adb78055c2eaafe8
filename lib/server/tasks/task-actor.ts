import 'server-only';
import type { Tx } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound, UserFacingError } from '@/lib/server/errors';
import { actorKindFor, TRANSITION_MESSAGES, type ActorKind, type TransitionResult } from '@/lib/core/workflow/task-status';

/**
 * Loads a task the user may read, locked for the rest of the transaction, with how the user
 * relates to it (lead unit, co-unit, office…). Outside the user's scope it is "not found".
 */
export async function loadTaskForActor(tx: Tx, { user, taskId }: { user: SessionUser; taskId: string }) {
  // Serialises workflow writes on one task (two reports, a report and a review…) until commit,
  // so what is read below is current. Locking an id the user cannot see reveals nothing.
  await tx.$executeRaw`SELECT 1 FROM "Task" WHERE "id" = ${taskId} FOR UPDATE`;
  const task = await tx.task.findFirst({
    where: { AND: [{ id: taskId }, taskScopeWhere(user)] },
    include: { coUnits: { select: { unitId: true } }, targets: { orderBy: { position: 'asc' } } },
  });
  if (!task) throw notFound();
  const actor: ActorKind | null = actorKindFor(user, { leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) });
  return { task, actor };
}

export type TaskForActor = Awaited<ReturnType<typeof loadTaskForActor>>['task'];

/** Turns a refused state-machine result into the matching user-facing error. */
export function assertTransition<T extends TransitionResult>(result: T, field = 'reason'): asserts result is Extract<T, { ok: true }> {
  if (result.ok) return;
  if (result.message === TRANSITION_MESSAGES.forbidden) throw new UserFacingError(result.message, 'FORBIDDEN');
  if (result.message === TRANSITION_MESSAGES.invalidState) throw new UserFacingError(result.message, 'CONFLICT');
  throw new UserFacingError(result.message, 'INVALID', { [field]: [result.message] });
}
