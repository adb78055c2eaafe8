'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { confirmSecondFactor, startSecondFactor } from '@/lib/server/accounts/second-factor';

/** The confirmation's answer carries the recovery codes, shown once and stored only as hashes. */
export type SecondFactorState = ActionState & { recoveryCodes?: string[] };

export async function startSecondFactorAction(_previous: ActionState): Promise<ActionState> {
  return withUser(async (user) => {
    const state = await runAction(() => startSecondFactor({ user }), '请用验证器添加账号，再输入它显示的验证码');
    if (state.ok) revalidatePath('/account');
    return state;
  });
}

export async function confirmSecondFactorAction(_previous: SecondFactorState, form: FormData): Promise<SecondFactorState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    let recoveryCodes: string[] | undefined;
    const state = await runAction(async () => {
      ({ recoveryCodes } = await confirmSecondFactor({ user, input: { code: formText(form, 'code') }, ip }));
    }, '两步验证已启用：以后登录时须输入验证器显示的验证码');
    // No revalidation here: the page would replace this form, and with it the codes shown once.
    return recoveryCodes ? { ...state, recoveryCodes } : state;
  });
}
