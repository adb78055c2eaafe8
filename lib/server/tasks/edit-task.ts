import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { assertTaskReferences } from '@/lib/server/tasks/create-task';
import { loadTaskForActor, type TaskForActor } from '@/lib/server/tasks/task-actor';
import { taskEditSchema, type TaskEdit } from '@/lib/core/schemas/task';
import { dateFromIso, isoFromDate } from '@/lib/core/schemas/common';
import { actualProgress } from '@/lib/core/schedule/progress';
import { COMPARATOR_TO_DB } from '@/lib/core/targets/comparator';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { changedTaskFields, TASK_FIELD_LABELS, taskChangeSnapshots, unitAssignmentChanges, type EditableTask } from '@/lib/core/workflow/task-changes';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';

const invalid = (field: string, message: string) => new UserFacingError(message, 'INVALID', { [field]: [message] });

/** The editable fields of a stored task, as compared and recorded. */
function storedEditable(task: TaskForActor, leaderIds: string[]): EditableTask {
  return {
    title: task.title,
    description: task.description,
    leadUnitId: task.leadUnitId,
    coUnitIds: task.coUnits.map((c) => c.unitId),
    leaderIds,
    startDate: isoFromDate(task.startDate),
    deadline: isoFromDate(task.deadline),
    cadence: task.cadence,
    importance: task.importance,
    targets: task.targets.map((t) => ({ id: t.id, metric: t.metric, ...storedTargetFigure(t) })),
  };
}

/** The task as the edit would leave it: sent fields replace stored ones. */
function editedTask(before: EditableTask, data: TaskEdit): EditableTask {
  return {
    title: data.title ?? before.title,
    description: data.description === undefined ? before.description : data.description || null,
    leadUnitId: data.leadUnitId ?? before.leadUnitId,
    coUnitIds: data.coUnitIds ? [...new Set(data.coUnitIds)] : before.coUnitIds,
    leaderIds: data.leaderIds ? [...new Set(data.leaderIds)] : before.leaderIds,
    startDate: data.startDate ?? before.startDate,
    deadline: data.deadline ?? before.deadline,
    cadence: data.cadence ?? before.cadence,
    importance: data.importance ?? before.importance,
    targets: data.targets
      ? data.targets.map((t) => ({ ...(t.id ? { id: t.id } : {}), metric: t.metric, comparator: t.comparator, value: t.value, valueMax: t.valueMax, unit: t.unit, placeholder: t.placeholder }))
      : before.targets,
  };
}

/**
 * Replaces the task's targets by the edited list: a target sent with its id is changed in place and
 * keeps its actual value, a new one is created, a stored one left out is removed. Returns the new
 * progress, recomputed from the targets as a report would.
 */
async function replaceTargets(tx: Tx, task: TaskForActor, targets: NonNullable<TaskEdit['targets']>) {
  const stored = new Map(task.targets.map((t) => [t.id, t]));
  if (targets.some((t) => t.id !== undefined && !stored.has(t.id))) throw invalid('targets', '指标不属于该任务');
  const kept = new Set(targets.flatMap((t) => (t.id ? [t.id] : [])));
  await tx.target.deleteMany({ where: { taskId: task.id, id: { notIn: [...kept] } } });
  const progressTargets = [];
  for (const [position, target] of targets.entries()) {
    const row = {
      position,
      metric: target.metric,
      comparator: COMPARATOR_TO_DB[target.comparator],
      value: target.value,
      valueMax: target.valueMax,
      unit: target.unit,
      placeholder: target.placeholder,
    };
    if (target.id) await tx.target.update({ where: { id: target.id }, data: row });
    else await tx.target.create({ data: { ...row, taskId: task.id } });
    const actual = target.id ? numberFromDecimal(stored.get(target.id)!.actualValue) : null;
    progressTargets.push({ comparator: target.comparator, value: target.value, valueMax: target.valueMax, placeholder: target.placeholder, actual });
  }
  return actualProgress({ targets: progressTargets, reportedPercent: task.reportedPercent });
}

/**
 * 修改 a published task (督查室): title, description, lead unit, co-units, lead leaders, dates,
 * cadence, importance, targets. The caller sends the version it read (stale → 已被他人修改) and the reason,
 * which the audit row and the units' notices carry. Units that gain the task are told it is
 * assigned to them, units that lose it that it left them, units that keep it what changed.
 */
export async function editTask({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'task.edit')) throw forbidden('修改任务');
  const data = parseInput(taskEditSchema, input);

  return db.$transaction(async (tx) => {
    const { task } = await loadTaskForActor(tx, { user, taskId: data.taskId });
    if (task.status === 'CANCELLED') throw new UserFacingError('已撤销的任务不能修改', 'CONFLICT');
    if (!taskAbilities(user, { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) }).edit) throw forbidden('修改任务');
    if (task.version !== data.version) throw staleVersion();

    const leaderIds = (await tx.taskLeader.findMany({ where: { taskId: task.id }, select: { leaderId: true } })).map((l) => l.leaderId);
    const before = storedEditable(task, leaderIds);
    const after = editedTask(before, data);
    if (after.deadline < after.startDate) throw invalid('deadline', '完成时限不能早于开始日期');
    if (after.coUnitIds.includes(after.leadUnitId)) throw invalid('coUnitIds', '配合单位不能与牵头单位相同');
    const changed = changedTaskFields(before, after);
    if (changed.length === 0) throw new UserFacingError('没有修改任何内容', 'INVALID');
    await assertTaskReferences(tx, { unitIds: [after.leadUnitId, ...after.coUnitIds], leaderIds: [...after.leaderIds], keptUnitIds: [before.leadUnitId, ...before.coUnitIds] });

    const progressPercent = data.targets && changed.includes('targets') ? await replaceTargets(tx, task, data.targets) : task.progressPercent;
    const updated = await tx.task.updateMany({
      where: { id: task.id, version: data.version },
      data: {
        title: after.title,
        description: after.description,
        leadUnitId: after.leadUnitId,
        startDate: dateFromIso(after.startDate),
        deadline: dateFromIso(after.deadline),
        // A deadline set by hand is no longer the importer's reading of the source text.
        ...(changed.includes('deadline') ? { deadlineInferred: false, deadlineText: null } : {}),
        cadence: after.cadence as TaskForActor['cadence'],
        importance: after.importance as TaskForActor['importance'],
        progressPercent,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw staleVersion();
    await refreshTaskLightsOf(tx, [task.id]);
    if (changed.includes('coUnitIds')) {
      await tx.taskCoUnit.deleteMany({ where: { taskId: task.id } });
      await tx.taskCoUnit.createMany({ data: after.coUnitIds.map((unitId) => ({ taskId: task.id, unitId })) });
    }
    if (changed.includes('leaderIds')) {
      await tx.taskLeader.deleteMany({ where: { taskId: task.id } });
      await tx.taskLeader.createMany({ data: after.leaderIds.map((leaderId) => ({ taskId: task.id, leaderId })) });
    }

    const snapshots = taskChangeSnapshots(before, after, changed);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'task.update',
      entity: 'Task',
      entityId: task.id,
      before: { ...snapshots.before, version: task.version },
      after: { ...snapshots.after, version: task.version + 1, reason: data.reason },
      ip,
    });

    const subject = `${task.code} ${after.title}`;
    const link = `/tasks/${task.id}`;
    const units = unitAssignmentChanges(before, after);
    const what = changed.map((field) => TASK_FIELD_LABELS[field]).join('、');
    if (units.gained.length) {
      await createNotifications(tx, { unitIds: units.gained }, { kind: 'task.assigned', title: `交办任务：${subject}`, body: `调整原因：${data.reason}`, link }, user.id);
    }
    if (units.lost.length) {
      // No link: the task is no longer theirs to open.
      await createNotifications(tx, { unitIds: units.lost }, { kind: 'task.unassigned', title: `任务已调出本单位：${subject}`, body: `调整原因：${data.reason}` }, user.id);
    }
    if (units.kept.length) {
      await createNotifications(tx, { unitIds: units.kept }, { kind: 'task.changed', title: `任务已调整：${subject}`, body: `调整内容：${what}。原因：${data.reason}`, link }, user.id);
    }
    return { id: task.id, version: task.version + 1, changed };
  });
}
