'use server';

import { revalidatePath } from 'next/cache';
import { formString, formStrings } from '@/lib/core/forms/form-data';
import { bulkSummary } from '@/lib/core/bulk/outcome';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { urgeTasks } from '@/lib/server/supervision/urge-tasks';

/** 催办所选: one 催办 per selected task; the message sums up what was sent and what was not. */
export async function urgeTasksAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    let summary = '';
    const state = await runAction(async () => {
      summary = bulkSummary('已催办', await urgeTasks({ user, ip, input: { taskIds: formStrings(form, 'taskIds'), text: formString(form, 'text') } }));
    });
    if (!state.ok) return state;
    revalidatePath('/tasks');
    return { ...state, message: summary };
  });
}
