import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { assertTaskReferences, reserveTaskCodes } from '@/lib/server/tasks/create-task';
import { applyTaskCancellation, taskUnitIds } from '@/lib/server/tasks/cancel-task';
import { loadTaskForActor } from '@/lib/server/tasks/task-actor';
import { taskSplitSchema } from '@/lib/core/schemas/task';
import { dateFromIso, isoFromDate } from '@/lib/core/schemas/common';
import { actualProgress } from '@/lib/core/schedule/progress';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';

const invalidParts = (message: string) => new UserFacingError(message, 'INVALID', { parts: [message] });

/**
 * 拆分 (督查室): one open task becomes several, in one transaction. Each part gets its own title,
 * lead unit, deadline and the original's targets it was given (a target given to several parts is
 * copied, with its actual value); description, source, plan, cadence, importance, start, co-units and leaders
 * carry over. The original ends as 已撤销 with the reason "拆分为 …" and each part points back at it
 * (`splitFromId`). Audit: a `task.create` per part and one `task.split`; every unit of the original
 * and of the parts is told.
 */
export async function splitTask({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'task.edit')) throw forbidden('拆分任务');
  const { taskId, version, parts } = parseInput(taskSplitSchema, input);

  return db.$transaction(async (tx) => {
    const { task, actor } = await loadTaskForActor(tx, { user, taskId });
    if (!taskAbilities(user, { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) }).split) {
      throw actor === 'ADMIN' ? new UserFacingError('已销号或已撤销的任务不能拆分', 'CONFLICT') : forbidden('拆分任务');
    }
    const targets = new Map(task.targets.map((t) => [t.id, t]));
    if (parts.some((part) => part.targetIds.some((id) => !targets.has(id)))) throw invalidParts('指标不属于该任务');
    const startIso = isoFromDate(task.startDate);
    for (const [index, part] of parts.entries()) {
      if (part.deadline < startIso) throw invalidParts(`第${index + 1}项的完成时限早于任务开始日期 ${startIso}`);
    }
    const leaders = await tx.taskLeader.findMany({ where: { taskId: task.id }, select: { leaderId: true } });
    await assertTaskReferences(tx, { unitIds: parts.map((p) => p.leadUnitId), leaderIds: [], keptUnitIds: [task.leadUnitId] });

    const codes = await reserveTaskCodes(tx, task.year, parts.length);
    const created = [];
    for (const [index, part] of parts.entries()) {
      const partTargets = [...new Set(part.targetIds)].map((id) => targets.get(id)!).sort((a, b) => a.position - b.position);
      const progressPercent = actualProgress({
        targets: partTargets.map((t) => ({ ...storedTargetFigure(t), actual: numberFromDecimal(t.actualValue) })),
        reportedPercent: null,
      });
      created.push(
        await tx.task.create({
          data: {
            code: codes[index]!,
            year: task.year,
            planId: task.planId,
            title: part.title,
            description: task.description,
            sourceText: task.sourceText,
            leadUnitId: part.leadUnitId,
            startDate: task.startDate,
            deadline: dateFromIso(part.deadline),
            cadence: task.cadence,
            importance: task.importance,
            progressPercent,
            splitFromId: task.id,
            createdById: user.id,
            leaders: { create: leaders.map((l) => ({ leaderId: l.leaderId })) },
            coUnits: { create: task.coUnits.filter((c) => c.unitId !== part.leadUnitId).map((c) => ({ unitId: c.unitId })) },
            targets: {
              create: partTargets.map((t, position) => ({
                position,
                metric: t.metric,
                comparator: t.comparator,
                value: t.value,
                valueMax: t.valueMax,
                unit: t.unit,
                actualValue: t.actualValue,
                placeholder: t.placeholder,
              })),
            },
          },
          include: { targets: true, coUnits: true, leaders: true },
        }),
      );
    }

    await refreshTaskLightsOf(tx, created.map((part) => part.id));
    const reason = `拆分为 ${created.map((p) => p.code).join('、')}`;
    await applyTaskCancellation(tx, user, { task, actor, version, reason, action: 'task.split', parts: created.map((p) => p.id) }, ip);
    await recordAuditEvents(
      tx,
      created.map((part) => ({ actorId: user.id, action: 'task.create', entity: 'Task', entityId: part.id, after: part, ip })),
    );

    await createNotifications(
      tx,
      { unitIds: taskUnitIds(task) },
      { kind: 'task.cancelled', title: `任务已拆分：${task.code} ${task.title}`, body: reason, link: `/tasks/${task.id}` },
      user.id,
    );
    for (const part of created) {
      await createNotifications(
        tx,
        { unitIds: [part.leadUnitId, ...part.coUnits.map((c) => c.unitId)] },
        { kind: 'task.assigned', title: `交办任务：${part.code} ${part.title}`, body: `由 ${task.code} ${task.title} 拆分`, link: `/tasks/${part.id}` },
        user.id,
      );
    }
    return { id: task.id, parts: created.map((p) => ({ id: p.id, code: p.code })) };
  });
}
