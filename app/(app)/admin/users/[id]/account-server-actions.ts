'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { resetUserPassword } from '@/lib/server/accounts/reset-user-password';
import { unlockUserAccount } from '@/lib/server/accounts/unlock-user-account';
import { resetSecondFactor } from '@/lib/server/accounts/second-factor';
import { linkOidcIdentity, unlinkOidcIdentity } from '@/lib/server/accounts/link-oidc-identity';

/** The reset's answer carries the one-time password, shown once and never stored in clear. */
export type ResetPasswordState = ActionState & { oneTimePassword?: string; username?: string };

export async function resetPasswordAction(_previous: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    let result: { username: string; oneTimePassword: string } | undefined;
    const state = await runAction(async () => {
      result = await resetUserPassword({ user, input: { userId: formText(form, 'userId') }, ip });
    }, '密码已重置，该用户的登录已全部退出');
    return result ? { ...state, ...result } : state;
  });
}

export async function unlockAccountAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const userId = formText(form, 'userId');
    const state = await runAction(() => unlockUserAccount({ user, input: { userId }, ip }), '已解除锁定');
    if (state.ok) revalidatePath(`/admin/users/${userId}`);
    return state;
  });
}

export async function resetSecondFactorAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const userId = formText(form, 'userId');
    const state = await runAction(() => resetSecondFactor({ user, input: { userId }, ip }), '已重置两步验证，该用户下次只凭密码登录，可重新启用');
    if (state.ok) revalidatePath(`/admin/users/${userId}`);
    return state;
  });
}

export async function linkOidcIdentityAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const userId = formText(form, 'userId');
    const state = await runAction(() => linkOidcIdentity({ user, input: { userId, subject: formText(form, 'subject') }, ip }), '已关联统一身份认证账号');
    if (state.ok) revalidatePath(`/admin/users/${userId}`);
    return state;
  });
}

export async function unlinkOidcIdentityAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const userId = formText(form, 'userId');
    const state = await runAction(() => unlinkOidcIdentity({ user, input: { userId }, ip }), '已解除关联');
    if (state.ok) revalidatePath(`/admin/users/${userId}`);
    return state;
  });
}
