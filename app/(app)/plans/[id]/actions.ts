'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { decomposePlanItem, mergePlanItemWithNext, recomposePlanItem, splitPlanItem, updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import { assignMissingLeadUnits } from '@/lib/server/plans/assign-missing-lead-units';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import { simplifyPlanDraft } from '@/lib/server/plans/simplify-plan-draft';
import { planItemEditFromForm } from '@/lib/core/forms/plan-item-form';

const ITEM_OP_DONE: Record<string, string> = { update: '已保存', kind: '已更改类型', exclude: '已排除', include: '已恢复', split: '已拆分', merge: '已合并', decompose: '已按主题分解', recompose: '已合并为一项' };

/**
 * One item of a draft: `op` = update (the changed fields), kind, exclude, include, split, merge,
 * decompose (分解 by subject) or recompose (its sub-tasks merged back).
 * Every item form posts here; the data layer checks the plan is a draft and the user may edit it.
 */
export async function editPlanItemAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const itemId = formText(form, 'itemId');
    const op = formText(form, 'op');
    const state = await runAction(async () => {
      switch (op) {
        case 'update':
          return updatePlanItem({ user, input: planItemEditFromForm(form) });
        case 'kind':
          return updatePlanItem({ user, input: { itemId, kind: formText(form, 'kind') } });
        case 'exclude':
        case 'include':
          return updatePlanItem({ user, input: { itemId, excluded: op === 'exclude' } });
        case 'split':
          return splitPlanItem({ user, input: { itemId, at: formText(form, 'at') } });
        case 'merge':
          return mergePlanItemWithNext({ user, itemId });
        case 'decompose':
          return decomposePlanItem({ user, itemId });
        case 'recompose':
          return recomposePlanItem({ user, itemId });
        default:
          throw new Error(`unknown plan item operation ${op}`);
      }
    }, ITEM_OP_DONE[op]);
    if (state.ok) revalidatePath(`/plans/${formText(form, 'planId')}`);
    return state;
  });
}

/** 为未指定的任务统一设置牵头单位. */
export async function assignMissingLeadUnitsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    let count = 0;
    const planId = formText(form, 'planId');
    const state = await runAction(async () => {
      count = await assignMissingLeadUnits({ user, input: { planId, leadUnitId: formText(form, 'leadUnitId') } });
    });
    if (!state.ok) return state;
    revalidatePath(`/plans/${planId}`);
    return { ...state, message: `已为 ${count} 项任务设置牵头单位` };
  });
}

/** 转换为简体: the draft's working text in simplified characters; the document stays as written. */
export async function simplifyPlanAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const planId = formText(form, 'planId');
    let count = 0;
    const state = await runAction(async () => {
      count = await simplifyPlanDraft({ user, input: { planId, version: formText(form, 'version') } });
    });
    if (!state.ok) return state;
    revalidatePath(`/plans/${planId}`);
    return { ...state, message: count > 0 ? `已将 ${count} 项转换为简体` : '分解结果已是简体' };
  });
}

/** 发布: creates the tasks, then shows them in the task list. */
export async function publishPlanAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const planId = formText(form, 'planId');
    const { ip } = await requestMeta();
    const confirmPastDeadlines = form.get('confirmPastDeadlines') === 'on';
    const state = await runAction(() => publishPlan({ user, planId, ip, confirmPastDeadlines }), '已发布');
    if (!state.ok) return state;
    revalidatePath('/plans');
    revalidatePath(`/plans/${planId}`);
    revalidatePath('/tasks');
    redirect(`/tasks?planId=${encodeURIComponent(planId)}`);
  });
}
