import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvents, type AuditInput } from '@/lib/server/audit/record-audit-event';
import { reserveTaskCodes } from '@/lib/server/tasks/create-task';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { itemProposalSchema, type ItemProposal } from '@/lib/core/schemas/plan';
import { dateFromIso } from '@/lib/core/schemas/common';
import { targetRows } from '@/lib/core/targets/stored-target';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';

/**
 * Publishes a reviewed draft: every task item that is not excluded becomes a Task with its
 * Targets, all in one transaction with their audit events; the units are notified.
 * Refuses, changing nothing, while any task item lacks a lead unit or has an invalid proposal,
 * and, unless the office confirms them, while deadlines are already past.
 */
export async function publishPlan({ user, planId, ip, confirmPastDeadlines = false }: { user: SessionUser; planId: string; ip?: string | null; confirmPastDeadlines?: boolean }) {
  if (!can(user, 'plan.import')) throw forbidden('发布计划');
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: { items: { where: { kind: 'TASK', excluded: false }, orderBy: { position: 'asc' } } },
  });
  if (!plan) throw notFound();
  if (plan.status !== 'DRAFT') throw new UserFacingError('该计划已发布，不能重复发布', 'CONFLICT');

  const problems: string[] = [];
  const tasks: { itemId: string; proposal: ItemProposal & { leadUnitId: string }; text: string }[] = [];
  for (const item of plan.items) {
    const label = `第${item.position + 1}项${item.numbering ? `（${item.numbering}）` : ''}`;
    const parsed = itemProposalSchema.safeParse(item.proposal);
    if (!parsed.success) {
      problems.push(`${label}：${parsed.error.issues[0]?.message ?? '内容有误'}`);
    } else if (!parsed.data.leadUnitId) {
      problems.push(`${label}「${parsed.data.title}」未指定牵头单位`);
    } else {
      tasks.push({ itemId: item.id, proposal: { ...parsed.data, leadUnitId: parsed.data.leadUnitId }, text: item.text });
    }
  }
  if (problems.length) {
    throw new UserFacingError(`还有 ${problems.length} 项需要处理：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '…' : ''}`, 'INVALID', { items: problems });
  }
  if (tasks.length === 0) throw new UserFacingError('没有可发布的任务项', 'INVALID');
  const today = shanghaiIsoDate(new Date());
  const past = tasks.filter((task) => task.proposal.deadline.date < today);
  if (past.length > 0 && !confirmPastDeadlines) {
    const titles = past.slice(0, 5).map((task) => `「${task.proposal.title}」`);
    throw new UserFacingError(`有 ${past.length} 项任务的完成时限已过：${titles.join('、')}${past.length > 5 ? '等' : ''}；请修改时限，或确认后再发布`, 'INVALID', {
      confirmPastDeadlines: ['请确认时限已过的任务'],
    });
  }


  const yearStart = `${plan.year}-01-01`;
  return db.$transaction(
    async (tx) => {
      const codes = await reserveTaskCodes(tx, plan.year, tasks.length);
      const rows = tasks.map((task, index) => {
        const deadline = task.proposal.deadline.date;
        return {
          id: crypto.randomUUID(),
          code: codes[index]!,
          year: plan.year,
          planId: plan.id,
          planItemId: task.itemId,
          title: task.proposal.title,
          sourceText: task.text,
          leadUnitId: task.proposal.leadUnitId,
          // 序时进度 runs from the start of the plan year (or the deadline, if that is earlier).
          startDate: dateFromIso(deadline < yearStart ? deadline : yearStart),
          deadline: dateFromIso(deadline),
          deadlineText: task.proposal.deadline.text,
          deadlineInferred: task.proposal.deadline.inferred,
          createdById: user.id,
        };
      });
      await tx.task.createMany({ data: rows });
      await refreshTaskLightsOf(tx, rows.map((row) => row.id));
      await tx.target.createMany({
        data: tasks.flatMap((task, index) =>
          targetRows(task.proposal.targets).map((row, position) => {
            const step = task.proposal.targets[position]!.deadline;
            return { ...row, taskId: rows[index]!.id, ...(step ? { deadline: dateFromIso(step.date), deadlineText: step.text } : {}) };
          }),
        ),
      });
      await tx.taskCoUnit.createMany({
        data: tasks.flatMap((task, index) =>
          [...new Set(task.proposal.coUnitIds)].filter((id) => id !== task.proposal.leadUnitId).map((unitId) => ({ taskId: rows[index]!.id, unitId })),
        ),
      });
      await tx.taskLeader.createMany({
        data: tasks.flatMap((task, index) => [...new Set(task.proposal.leaderIds)].map((leaderId) => ({ taskId: rows[index]!.id, leaderId }))),
      });
      await tx.plan.update({ where: { id: plan.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
      await recordAuditEvents(tx, [
        ...rows.map((row, index): AuditInput => ({
          actorId: user.id,
          action: 'task.create',
          entity: 'Task',
          entityId: row.id,
          after: { ...row, targets: tasks[index]!.proposal.targets, coUnitIds: tasks[index]!.proposal.coUnitIds, leaderIds: tasks[index]!.proposal.leaderIds },
          ip,
        })),
        { actorId: user.id, action: 'plan.publish', entity: 'Plan', entityId: plan.id, before: { status: 'DRAFT' }, after: { status: 'PUBLISHED', tasks: rows.length }, ip },
      ]);

      const perUnit = new Map<string, number>();
      for (const task of tasks) {
        for (const unitId of [task.proposal.leadUnitId, ...task.proposal.coUnitIds]) perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + 1);
      }
      for (const [unitId, count] of perUnit) {
        await createNotifications(tx, { unitIds: [unitId] }, {
          kind: 'task.assigned',
          title: `《${plan.title}》交办任务 ${count} 项`,
          link: `/tasks?planId=${plan.id}&unitId=${unitId}`,
          dedupeKey: `plan.publish:${plan.id}:${unitId}`,
        });
      }
      return { planId: plan.id, tasks: rows.length };
    },
    { timeout: 60_000 },
  );
}
