'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { issueBulletin } from '@/lib/server/bulletins/issue-bulletin';

/** 印发: stores the month's 通报 and notifies every unit, then shows the issued bulletin. */
export async function issueBulletinAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const issued: { id?: string } = {};
    const state = await runAction(async () => {
      issued.id = (await issueBulletin({ user, ip, input: { period: form.get('period') } })).id;
    }, '通报已印发');
    if (!state.ok || !issued.id) return state;
    revalidatePath('/bulletins');
    redirect(`/bulletins/${issued.id}`);
  });
}
