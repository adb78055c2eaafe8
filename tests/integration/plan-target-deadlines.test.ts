// Several deadlines in one item (issue 15): each target keeps the deadline its own clause states,
// from the draft through publishing; the task is due at the last step.
import { describe, expect, test } from 'vitest';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import type { Proposal } from '@/lib/core/plan/proposal';
import { isoFromDate } from '@/lib/core/schemas/common';
import { sessionUser, testDb } from '../support/db';

describe('a target with its own clause deadline', () => {
  test('is proposed, published on the target, and the task is due at the last step', async () => {
    const admin = await sessionUser('admin');
    const text = ['示范县2027年城建重点任务', '一、新建雨污管网40公里，8月底前完成管网铺设75%以上，年底前片区接通率达到90%。牵头单位：县发改局。'].join('\n');
    const plan = await createPlanDraft({ user: admin, input: { text, year: 2027, confirmDuplicate: true } });
    const item = await testDb.planItem.findFirstOrThrow({ where: { planId: plan.id, kind: 'TASK' } });
    const proposal = item.proposal as Proposal;
    expect(proposal.deadline).toMatchObject({ text: '年底前', date: '2027-12-31' });
    expect(proposal.targets.map((t) => t.deadline?.date ?? null)).toEqual([null, '2027-08-31', '2027-12-31']);

    await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true });
    const task = await testDb.task.findFirstOrThrow({ where: { planId: plan.id }, include: { targets: { orderBy: { position: 'asc' } } } });
    expect(isoFromDate(task.deadline)).toBe('2027-12-31');
    expect(task.targets.map((t) => [Number(t.value), t.unit, t.deadline ? isoFromDate(t.deadline) : null, t.deadlineText])).toEqual([
      [40, '公里', null, null],
      [75, '%', '2027-08-31', '8月底前'],
      [90, '%', '2027-12-31', '年底前'],
    ]);
  });
});
