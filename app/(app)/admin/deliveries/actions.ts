'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { resendOutboxMessage } from '@/lib/server/notifications/resend-outbox-message';

export async function resendAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const state = await runAction(() => resendOutboxMessage({ user, input: { messageId: formText(form, 'messageId') }, ip }), '已加入发送队列');
    if (state.ok) revalidatePath('/admin/deliveries');
    return state;
  });
}
