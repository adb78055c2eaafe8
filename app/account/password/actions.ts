'use server';

import { redirect } from 'next/navigation';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, type ActionState } from '@/lib/server/action-result';
import { changeOwnPassword } from '@/lib/server/accounts/change-own-password';
import { getLiveSession } from '@/lib/server/auth/session';

/**
 * Changes the signed-in user's password. Works for a user who must change it (who counts as
 * signed out everywhere else); once changed, that user goes on to the home page.
 */
export async function changePasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const session = await getLiveSession();
  if (!session) return { ok: false, message: '请先登录', fieldErrors: {} };
  const { ip } = await requestMeta();
  const input = {
    currentPassword: formText(form, 'currentPassword'),
    newPassword: formText(form, 'newPassword'),
    confirmPassword: formText(form, 'confirmPassword'),
  };
  const state = await runAction(() => changeOwnPassword({ user: session.user, sessionId: session.sessionId, input, ip }), '密码已修改，其他设备上的登录已退出');
  if (state.ok && session.mustChangePassword) redirect('/');
  return state;
}
