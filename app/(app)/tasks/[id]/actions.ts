'use server';

import { revalidatePath } from 'next/cache';
import { formString } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';
import { requestExtension } from '@/lib/server/extensions/request-extension';
import { decideExtension } from '@/lib/server/extensions/decide-extension';

const TRANSITION_DONE: Record<string, string> = {
  acknowledge: '已签收',
  start: '已开始办理',
  approveClosure: '已同意销号',
  returnToProgress: '已退回',
  reopen: '已重新办理',
};

/** Re-renders the task page and the lists and dashboards that show its status. */
function refresh(taskId: string | undefined) {
  if (taskId) revalidatePath(`/tasks/${taskId}`);
  revalidatePath('/tasks');
  revalidatePath('/');
}

/** 签收 / 开始办理 / 同意销号 / 退回 / 重新办理. */
export async function transitionTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const taskId = formString(form, 'taskId') ?? '';
    const action = formString(form, 'action') ?? '';
    const state = await runAction(
      () => transitionTask({ user, ip, taskId, version: formString(form, 'version') ?? '', action, reason: formString(form, 'reason') }),
      TRANSITION_DONE[action] ?? '已完成',
    );
    if (state.ok) refresh(taskId);
    return state;
  });
}

/** 进度报送 with attachments (multipart form); `actual:<targetId>` fields carry the target actuals. */
export async function fileReportAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const taskId = formString(form, 'taskId') ?? '';
    const closureRequest = form.get('closureRequest') === 'on';
    const targetActuals = [...form.entries()]
      .filter(([name, value]) => name.startsWith('actual:') && typeof value === 'string')
      .map(([name, value]) => ({ targetId: name.slice('actual:'.length), actual: value }));
    // An empty file input still submits one empty part without a file name, which arrives named ''
    // or 'undefined' depending on the multipart parser. A real empty file keeps its name and is refused.
    const files = form
      .getAll('files')
      .filter((value): value is File => value instanceof File && !(value.size === 0 && (value.name === '' || value.name === 'undefined')));
    const input = {
      taskId,
      version: formString(form, 'version'),
      periodKey: formString(form, 'periodKey') || undefined,
      narrative: formString(form, 'narrative'),
      percent: formString(form, 'percent'),
      targetActuals,
      closureRequest,
    };
    const state = await runAction(() => fileProgressReport({ user, ip, input, files }), closureRequest ? '已提交销号申请' : '进度已报送');
    if (state.ok) refresh(taskId);
    return state;
  });
}

/** 通过 / 退回 a report (for a closure request: 同意销号 / 退回). */
export async function reviewReportAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const decision = formString(form, 'decision');
    const closure = form.get('closureRequest') === 'true';
    const state = await runAction(
      () =>
        reviewProgressReport({
          user,
          ip,
          input: { reportId: formString(form, 'reportId'), decision, reason: formString(form, 'reason'), version: formString(form, 'version') },
        }),
      decision === 'return' ? '已退回' : closure ? '已同意销号' : '已通过',
    );
    if (state.ok) refresh(formString(form, 'taskId'));
    return state;
  });
}

export async function requestExtensionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const taskId = formString(form, 'taskId');
    const state = await runAction(
      () => requestExtension({ user, ip, input: { taskId, requestedDeadline: formString(form, 'requestedDeadline'), reason: formString(form, 'reason') } }),
      '延期申请已提交',
    );
    if (state.ok) refresh(taskId);
    return state;
  });
}

export async function decideExtensionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const decision = formString(form, 'decision');
    const state = await runAction(
      () => decideExtension({ user, ip, input: { extensionId: formString(form, 'extensionId'), decision, reason: formString(form, 'reason'), version: formString(form, 'version') } }),
      decision === 'approve' ? '已批准延期' : '已驳回延期申请',
    );
    if (state.ok) refresh(formString(form, 'taskId'));
    return state;
  });
}
