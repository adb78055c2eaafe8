'use server';

import { revalidatePath } from 'next/cache';
import { formStrings, formText } from '@/lib/core/forms/form-data';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { UserFacingError } from '@/lib/server/errors';
import { addUnitNotifyRoute } from '@/lib/server/notifications/add-unit-notify-route';
import { createNotifyChannel } from '@/lib/server/notifications/create-notify-channel';
import { removeUnitNotifyRoute } from '@/lib/server/notifications/remove-unit-notify-route';
import { sendChannelTest } from '@/lib/server/notifications/send-channel-test';
import { setNotifyChannelActive } from '@/lib/server/notifications/set-notify-channel-active';
import { updateNotifyChannel } from '@/lib/server/notifications/update-notify-channel';
import { updateNotifySettings } from '@/lib/server/notifications/update-notify-settings';

const CONFIG_FIELDS = ['host', 'port', 'secure', 'user', 'from', 'webhookUrl', 'url', 'method', 'contentType', 'body', 'successText'] as const;

export async function createChannelAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const config = Object.fromEntries(CONFIG_FIELDS.map((field) => [field, formText(form, field)]));
    const input = { kind: formText(form, 'kind'), name: formText(form, 'name'), active: true, secret: formText(form, 'secret'), config };
    const state = await runAction(() => createNotifyChannel({ user, input, ip }), '渠道已添加');
    if (state.ok) revalidatePath('/admin/channels');
    return state;
  });
}

export async function updateChannelAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const config = Object.fromEntries(CONFIG_FIELDS.map((field) => [field, formText(form, field)]));
    const input = { id: formText(form, 'id'), kind: formText(form, 'kind'), name: formText(form, 'name'), active: true, secret: formText(form, 'secret'), config };
    const state = await runAction(() => updateNotifyChannel({ user, input, ip }), '渠道已保存');
    if (state.ok) revalidatePath('/admin/channels');
    return state;
  });
}

export async function setChannelActiveAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const active = formText(form, 'active') === 'true';
    const state = await runAction(() => setNotifyChannelActive({ user, input: { channelId: formText(form, 'channelId'), active }, ip }), active ? '已启用' : '已停用');
    if (state.ok) revalidatePath('/admin/channels');
    return state;
  });
}

export async function sendTestAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    return runAction(async () => {
      const result = await sendChannelTest({ user, input: { channelId: formText(form, 'channelId'), address: formText(form, 'address') }, ip });
      if (result.status !== 'SENT') throw new UserFacingError(`发送未成功：${result.error ?? '请查看发送记录'}`);
    }, '测试消息已发送');
  });
}

export async function addRouteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const input = { unitId: formText(form, 'unitId'), channelId: formText(form, 'channelId'), address: formText(form, 'address') };
    const state = await runAction(() => addUnitNotifyRoute({ user, input, ip }), '已添加接收单位');
    if (state.ok) revalidatePath('/admin/channels');
    return state;
  });
}

export async function removeRouteAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const state = await runAction(() => removeUnitNotifyRoute({ user, input: { routeId: formText(form, 'routeId') }, ip }), '已移除');
    if (state.ok) revalidatePath('/admin/channels');
    return state;
  });
}

export async function updateNotifySettingsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const input = { baseUrl: formText(form, 'baseUrl'), digestTime: formText(form, 'digestTime'), urgentKinds: formStrings(form, 'urgentKinds'), urgentOverridesQuietHours: form.get('urgentOverridesQuietHours') === 'on' };
    return runAction(() => updateNotifySettings({ user, input, ip }), '外发设置已保存');
  });
}
