'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { updateInstallationSettings } from '@/lib/server/settings/update-installation-settings';

export async function updateSettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const input = { countyName: formText(form, 'countyName'), workingYear: formText(form, 'workingYear') };
    const state = await runAction(() => updateInstallationSettings({ user, input, ip }), '设置已保存');
    if (state.ok) revalidatePath('/', 'layout');
    return state;
  });
}
