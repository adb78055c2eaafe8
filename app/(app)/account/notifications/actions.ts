'use server';

import { formStrings, formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { updateNotifyPreference } from '@/lib/server/notifications/update-notify-preference';

export async function updatePreferenceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const input = {
      email: formText(form, 'email'),
      emailKinds: formStrings(form, 'emailKinds'),
      smsKinds: formStrings(form, 'smsKinds'),
      quietStart: formText(form, 'quietStart'),
      quietEnd: formText(form, 'quietEnd'),
      digest: form.get('digest') === 'on',
    };
    return runAction(() => updateNotifyPreference({ user, input, ip }), '已保存');
  });
}
