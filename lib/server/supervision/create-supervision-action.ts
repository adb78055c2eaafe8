import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { SUPERVISION_KIND_LABELS, supervisionInputSchema } from '@/lib/core/schemas/supervision';
import { dateFromIso } from '@/lib/core/schemas/common';
import { shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';

const AUDIT_ACTIONS = { URGE: 'supervision.urge', SUPERVISE: 'supervision.supervise', INSTRUCTION: 'supervision.instruct' } as const;

/**
 * 催办 (URGE) or 督办 (SUPERVISE, with a response deadline) to the task's lead unit, or a leader's
 * 批示 (INSTRUCTION) on the task. The office may act on any task, a leader only on tasks in their
 * scope; unit users may not. The recipient unit's users are notified; a 批示 reaches the lead unit,
 * the co-units and the office.
 */
export async function createSupervisionAction({ user, input, ip, today = new Date() }: { user: SessionUser; input: unknown; ip?: string | null; today?: Date }) {
  const { taskId, kind, text, responseDue } = parseInput(supervisionInputSchema, input);
  if (!can(user, kind === 'INSTRUCTION' ? 'supervision.instruct' : 'supervision.urge')) throw forbidden(SUPERVISION_KIND_LABELS[kind]);

  const task = await db.task.findFirst({
    where: { AND: [{ id: taskId }, taskScopeWhere(user)] },
    select: { id: true, code: true, title: true, status: true, leadUnitId: true, coUnits: { select: { unitId: true } } },
  });
  if (!task) throw notFound();
  // The role may act (checked above); what is left is whether the task's status still allows it.
  const may = taskAbilities(user, { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) });
  if (!(kind === 'INSTRUCTION' ? may.instruct : may.urge)) {
    throw new UserFacingError(task.status === 'CANCELLED' ? '任务已撤销' : `任务已销号，无需${SUPERVISION_KIND_LABELS[kind]}`, 'CONFLICT');
  }
  if (responseDue !== undefined && kind === 'SUPERVISE' && shanghaiDayNumber(dateFromIso(responseDue)) < shanghaiDayNumber(today)) {
    throw new UserFacingError('答复期限不能早于今天', 'INVALID', { responseDue: ['答复期限不能早于今天'] });
  }

  const label = SUPERVISION_KIND_LABELS[kind];
  return db.$transaction(async (tx) => {
    const action = await tx.supervisionAction.create({
      data: {
        kind,
        taskId,
        authorId: user.id,
        recipientUnitId: kind === 'INSTRUCTION' ? null : task.leadUnitId,
        text,
        responseDue: kind === 'SUPERVISE' && responseDue ? dateFromIso(responseDue) : null,
      },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: AUDIT_ACTIONS[kind], entity: 'SupervisionAction', entityId: action.id, after: action, ip });
    const due = kind === 'SUPERVISE' && responseDue ? `，请于${responseDue}前答复` : '';
    await createNotifications(
      tx,
      kind === 'INSTRUCTION'
        ? { unitIds: [task.leadUnitId, ...task.coUnits.map((c) => c.unitId)], admins: true }
        : { unitIds: [task.leadUnitId] },
      {
        kind: `supervision.${kind.toLowerCase()}`,
        title: `【${label}】${task.title}`,
        body: `${user.name}${due}：${text}`,
        link: `/tasks/${task.id}`,
      },
      user.id,
    );
    return action;
  });
}
