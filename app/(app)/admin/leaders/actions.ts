'use server';

import { revalidatePath } from 'next/cache';
import { formStrings, formText } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { setLeaderUnits } from '@/lib/server/directory/set-leader-units';

export async function setLeaderUnitsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const state = await runAction(
      () => setLeaderUnits({ user, input: { leaderId: formText(form, 'leaderId'), unitIds: formStrings(form, 'unitIds') } }),
      '分管单位已保存',
    );
    if (state.ok) revalidatePath('/admin/leaders', 'layout');
    return state;
  });
}
