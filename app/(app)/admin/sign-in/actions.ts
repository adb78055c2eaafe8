'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { updateSignInSettings } from '@/lib/server/auth/sign-in-settings';

const FIELDS = ['issuer', 'clientId', 'clientSecret', 'accountClaim', 'label'] as const;

export async function updateSignInSettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const input = {
      ...Object.fromEntries(FIELDS.map((name) => [name, formText(form, name)])),
      enabled: formText(form, 'enabled'),
      localPasswords: formText(form, 'localPasswords'),
    };
    const state = await runAction(() => updateSignInSettings({ user, input, ip }), '登录方式已保存');
    if (state.ok) revalidatePath('/admin/sign-in');
    return state;
  });
}
