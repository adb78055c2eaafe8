'use server';

import { revalidatePath } from 'next/cache';
import { formString, formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { issueApiToken } from '@/lib/server/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/server/api-tokens/revoke-api-token';

export type IssueTokenState = ActionState & { secret?: string };

// The office's page and the personal page share these actions; the data layer decides who may
// issue an integration token and whose tokens a user may revoke.
const TOKEN_PAGES = ['/admin/api-tokens', '/account/tokens'];

export async function issueApiTokenAction(_previous: IssueTokenState, form: FormData): Promise<IssueTokenState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const kind = formText(form, 'kind') === 'INTEGRATION' ? 'INTEGRATION' : 'PERSONAL';
    const input = { name: formText(form, 'name'), scope: formText(form, 'scope'), expiresInDays: formText(form, 'expiresInDays'), actingUserId: formString(form, 'actingUserId') };
    let secret: string | undefined;
    const state = await runAction(async () => {
      secret = (await issueApiToken({ user, kind, input, ip })).secret;
    }, '令牌已签发。请立即复制保存：离开本页后不再显示。');
    if (state.ok) TOKEN_PAGES.forEach((page) => revalidatePath(page));
    return { ...state, secret };
  });
}

export async function revokeApiTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const state = await runAction(() => revokeApiToken({ user, input: { tokenId: formText(form, 'tokenId') }, ip }), '令牌已吊销');
    if (state.ok) TOKEN_PAGES.forEach((page) => revalidatePath(page));
    return state;
  });
}
