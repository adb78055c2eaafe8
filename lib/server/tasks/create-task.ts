import 'server-only';
import { db, type Db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { taskInputSchema, type TaskInput } from '@/lib/core/schemas/task';
import { dateFromIso } from '@/lib/core/schemas/common';
import { targetRows } from '@/lib/core/targets/stored-target';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';

const TASK_CODE_LOCK = 7_240_002;

/** The next `count` human task codes of a year (2024-0001, …), reserved until the transaction ends. */
export async function reserveTaskCodes(tx: Tx, year: number, count: number) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TASK_CODE_LOCK})`;
  const last = await tx.task.findFirst({ where: { code: { startsWith: `${year}-` } }, orderBy: { code: 'desc' }, select: { code: true } });
  const first = last ? Number(last.code.split('-')[1]) + 1 : 1;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(4, '0')}`);
}

/** Creates a task and its targets inside an existing transaction (used by the plan importer too). */
export async function insertTask(tx: Tx, { user, input, planItemId, ip }: { user: SessionUser; input: TaskInput; planItemId?: string; ip?: string | null }) {
  const [code] = await reserveTaskCodes(tx, input.year, 1);
  const task = await tx.task.create({
    data: {
      code: code!,
      year: input.year,
      planId: input.planId ?? null,
      planItemId: planItemId ?? null,
      title: input.title,
      description: input.description ?? null,
      sourceText: input.sourceText ?? null,
      leadUnitId: input.leadUnitId,
      startDate: dateFromIso(input.startDate),
      deadline: dateFromIso(input.deadline),
      deadlineText: input.deadlineText ?? null,
      deadlineInferred: input.deadlineInferred,
      cadence: input.cadence,
      importance: input.importance,
      createdById: user.id,
      leaders: { create: input.leaderIds.map((leaderId) => ({ leaderId })) },
      coUnits: { create: input.coUnitIds.map((unitId) => ({ unitId })) },
      targets: { create: targetRows(input.targets) },
    },
    include: { targets: true, coUnits: true, leaders: true },
  });
  await refreshTaskLightsOf(tx, [task.id]);
  await recordAuditEvent(tx, { actorId: user.id, action: 'task.create', entity: 'Task', entityId: task.id, after: task, ip });
  return task;
}

/**
 * Refuses unknown or deactivated units and anyone who is not a county leader, before a task points
 * at them. Units the task already has (`keptUnitIds`) may stay even if deactivated since.
 */
export async function assertTaskReferences(client: Db | Tx, { unitIds, leaderIds, keptUnitIds = [] }: { unitIds: string[]; leaderIds: string[]; keptUnitIds?: string[] }) {
  const [units, leaders] = await Promise.all([
    client.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, active: true } }),
    client.user.count({ where: { id: { in: leaderIds }, role: 'LEADER' } }),
  ]);
  if (units.length !== new Set(unitIds).size) throw new UserFacingError('所选单位不存在', 'INVALID', { leadUnitId: ['所选单位不存在'] });
  if (units.some((unit) => !unit.active && !keptUnitIds.includes(unit.id))) throw new UserFacingError('所选单位已停用，不能交办新任务', 'INVALID', { leadUnitId: ['所选单位已停用'] });
  if (leaders !== new Set(leaderIds).size) throw new UserFacingError('所选领导不存在', 'INVALID', { leaderIds: ['所选领导不存在'] });
}

/** Creates a task by hand (督查室 only); its units are notified that it is assigned to them (交办). */
export async function createTask({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  if (!can(user, 'task.create')) throw forbidden('新建任务');
  const data = parseInput(taskInputSchema, input);
  await assertTaskReferences(db, { unitIds: [data.leadUnitId, ...data.coUnitIds], leaderIds: data.leaderIds });
  return db.$transaction(async (tx) => {
    const task = await insertTask(tx, { user, input: data, ip });
    await createNotifications(
      tx,
      { unitIds: [task.leadUnitId, ...task.coUnits.map((c) => c.unitId)] },
      { kind: 'task.assigned', title: `交办任务：${task.code} ${task.title}`, body: task.description ?? undefined, link: `/tasks/${task.id}` },
      user.id,
    );
    return task;
  });
}
