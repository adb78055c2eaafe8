'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { CHANNEL_KIND_LABELS, type ChannelKind } from '@/lib/core/schemas/notify';
import { URGENT_KIND_CHOICES } from '@/lib/core/notify/kinds';
import styles from './channels.module.css';
import { addRouteAction, createChannelAction, removeRouteAction, sendTestAction, setChannelActiveAction, updateChannelAction, updateNotifySettingsAction } from './actions';

const SECRET_LABELS: Record<ChannelKind, string> = {
  EMAIL: 'SMTP 密码（授权码）',
  DINGTALK: '加签密钥（SEC 开头，未启用加签可留空）',
  WECOM: '',
  SMS: '网关令牌（模板中的 {{token}}）',
  WEBHOOK: '签名密钥（HMAC-SHA256）',
};

type FieldState = Parameters<typeof FieldError>[0]['state'];

/**
 * The settings of one kind of channel. On an edit, `current` holds the stored settings the page may
 * show again; the URL (with its token) and the secret are left blank, and blank keeps them.
 */
function ChannelFields({ kind, state, current, maskedUrl }: { kind: ChannelKind; state: FieldState; current?: Record<string, string>; maskedUrl?: string }) {
  const editing = current !== undefined;
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input name={name} {...props} {...(editing && current[name] !== undefined ? { defaultValue: current[name] } : {})} />
      <FieldError state={state} name={name} />
    </label>
  );
  const urlProps = (placeholder: string) => (editing ? { placeholder: `${maskedUrl ?? ''}（留空则不变）` } : { required: true, placeholder });
  return (
    <>
      {kind === 'EMAIL' && (
        <>
          {field('host', 'SMTP 服务器', { required: true, placeholder: 'smtp.example.gov.cn' })}
          {field('port', '端口', { required: true, inputMode: 'numeric', defaultValue: '465' })}
          <label className={styles.check}>
            <input type="checkbox" name="secure" defaultChecked={editing ? current.secure === 'true' : true} /> SSL/TLS 直连（465 端口；587 端口请取消）
          </label>
          {field('user', '账号（无需登录可留空）')}
          {field('from', '发件人', { required: true, placeholder: '督查室 <duchashi@example.gov.cn>' })}
        </>
      )}
      {(kind === 'DINGTALK' || kind === 'WECOM') && field('webhookUrl', 'Webhook 地址', urlProps(kind === 'DINGTALK' ? 'https://oapi.dingtalk.com/robot/send?access_token=…' : 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'))}
      {kind === 'WEBHOOK' && field('url', '接收地址', urlProps('https://…'))}
      {kind === 'SMS' && (
        <>
          {field('url', '网关地址（可含 {{phone}} {{text}} {{id}} {{token}}）', urlProps(''))}
          <label>
            请求方式
            <select name="method" defaultValue={current?.method ?? 'POST'}>
              <option value="POST">POST</option>
              <option value="GET">GET</option>
            </select>
          </label>
          <label>
            请求体格式
            <select name="contentType" defaultValue={current?.contentType ?? 'json'}>
              <option value="json">JSON</option>
              <option value="form">表单（x-www-form-urlencoded）</option>
            </select>
          </label>
          <label>
            请求体模板
            <textarea name="body" rows={3} defaultValue={current?.body ?? '{"mobile":"{{phone}}","content":"{{text}}","msgId":"{{id}}"}'} />
            <FieldError state={state} name="body" />
          </label>
          {field('successText', '成功应答包含的文字（留空则只看 HTTP 2xx）')}
        </>
      )}
      {SECRET_LABELS[kind] &&
        field('secret', editing ? `${SECRET_LABELS[kind]}（留空则保留原密钥）` : SECRET_LABELS[kind], { type: 'password', autoComplete: 'new-password' })}
    </>
  );
}

export function NewChannelForm() {
  const [state, action] = useActionState(createChannelAction, INITIAL_FORM_STATE);
  const [kind, setKind] = useState<ChannelKind>('EMAIL');
  return (
    <form action={action} className="stack" aria-label="新增渠道">
      <label>
        类型
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as ChannelKind)}>
          {Object.entries(CHANNEL_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        名称
        <input name="name" required maxLength={60} placeholder="如：县政府邮件、发改局钉钉群" />
        <FieldError state={state} name="name" />
      </label>
      <ChannelFields kind={kind} state={state} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…">添加渠道</SubmitButton>
      </div>
    </form>
  );
}

export function EditChannelForm({ channel }: { channel: { id: string; kind: ChannelKind; name: string; summary: string; editableConfig: Record<string, string> } }) {
  const [state, action] = useActionState(updateChannelAction, INITIAL_FORM_STATE);
  return (
    <details>
      <summary>修改设置</summary>
      <form action={action} className="stack" aria-label={`修改${channel.name}`}>
        <input type="hidden" name="id" value={channel.id} />
        <input type="hidden" name="kind" value={channel.kind} />
        <label>
          名称
          <input name="name" required maxLength={60} defaultValue={channel.name} />
          <FieldError state={state} name="name" />
        </label>
        <ChannelFields kind={channel.kind} state={state} current={channel.editableConfig} maskedUrl={channel.summary} />
        <FormMessage state={state} />
        <div>
          <SubmitButton pendingText="保存中…">保存修改</SubmitButton>
        </div>
      </form>
    </details>
  );
}

export function SendTestForm({ channelId, needsAddress, kind }: { channelId: string; needsAddress: boolean; kind: ChannelKind }) {
  const [state, action] = useActionState(sendTestAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className={styles.inline} aria-label="发送测试">
      <input type="hidden" name="channelId" value={channelId} />
      {needsAddress && <input name="address" aria-label="测试地址" placeholder={kind === 'EMAIL' ? '测试收件邮箱' : '测试手机号'} required />}
      <SubmitButton className="secondary" pendingText="发送中…">
        发送测试
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ChannelActiveForm({ channelId, active }: { channelId: string; active: boolean }) {
  const [state, action] = useActionState(setChannelActiveAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="channelId" value={channelId} />
      <input type="hidden" name="active" value={String(!active)} />
      <SubmitButton className="secondary" pendingText="…">
        {active ? '停用' : '启用'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AddRouteForm({ channelId, needsAddress, units }: { channelId: string; needsAddress: boolean; units: { id: string; shortName: string }[] }) {
  const [state, action] = useActionState(addRouteAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className={styles.inline} aria-label="添加接收单位">
      <input type="hidden" name="channelId" value={channelId} />
      <select name="unitId" aria-label="接收单位" required defaultValue="">
        <option value="" disabled>
          选择单位
        </option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.shortName}
          </option>
        ))}
      </select>
      {needsAddress && <input name="address" aria-label="单位地址" placeholder="单位邮箱或值班手机号" required />}
      <SubmitButton className="secondary" pendingText="添加中…">
        添加接收单位
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveRouteForm({ routeId, label }: { routeId: string; label: string }) {
  const [state, action] = useActionState(removeRouteAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="routeId" value={routeId} />
      <button type="submit" className={styles.linkButton} aria-label={`移除${label}`}>
        移除
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function NotifySettingsForm({ baseUrl, digestTime, urgentKinds, urgentOverridesQuietHours }: { baseUrl: string; digestTime: string; urgentKinds: string[]; urgentOverridesQuietHours: boolean }) {
  const [state, action] = useActionState(updateNotifySettingsAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="stack" aria-label="外发设置">
      <label>
        系统访问地址（消息中的链接以此开头）
        <input name="baseUrl" defaultValue={baseUrl} placeholder="https://luoshi.example.gov.cn" />
        <FieldError state={state} name="baseUrl" />
      </label>
      <label>
        每日摘要发送时间
        <input name="digestTime" defaultValue={digestTime} pattern="\d{1,2}:\d{2}" required />
        <FieldError state={state} name="digestTime" />
      </label>
      <fieldset>
        <legend>紧急类型（可在免打扰时段发送短信）</legend>
        {Object.entries(URGENT_KIND_CHOICES).map(([kind, label]) => (
          <label key={kind} className={styles.check}>
            <input type="checkbox" name="urgentKinds" value={kind} defaultChecked={urgentKinds.includes(kind)} /> {label}
          </label>
        ))}
        <label className={styles.check}>
          <input type="checkbox" name="urgentOverridesQuietHours" defaultChecked={urgentOverridesQuietHours} /> 紧急类型不受免打扰限制
        </label>
      </fieldset>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…">保存外发设置</SubmitButton>
      </div>
    </form>
  );
}
