'use server';

import { revalidatePath } from 'next/cache';
import { formString } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import { respondToSupervision } from '@/lib/server/supervision/respond-to-supervision';

const SENT_MESSAGES: Record<string, string> = { URGE: '已发出催办', SUPERVISE: '已发出督办', INSTRUCTION: '批示已发送' };

/** 催办 / 督办 / 批示 from the task page or the leader's dashboard (the form says which kind). */
export async function superviseTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const kind = formString(form, 'kind') ?? '';
    const taskId = formString(form, 'taskId') ?? '';
    const state = await runAction(
      () => createSupervisionAction({ user, ip, input: { taskId, kind, text: formString(form, 'text'), responseDue: formString(form, 'responseDue') } }),
      SENT_MESSAGES[kind] ?? '已发送',
    );
    if (state.ok) {
      revalidatePath(`/tasks/${taskId}`);
      revalidatePath('/');
    }
    return state;
  });
}

/** The recipient unit's answer to a 督办. */
export async function respondToSupervisionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const state = await runAction(
      () => respondToSupervision({ user, ip, input: { supervisionId: formString(form, 'supervisionId'), response: formString(form, 'response') } }),
      '已答复',
    );
    if (state.ok) {
      revalidatePath(`/tasks/${formString(form, 'taskId') ?? ''}`);
      revalidatePath('/');
    }
    return state;
  });
}
