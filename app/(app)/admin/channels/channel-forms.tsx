'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { CHANNEL_KIND_LABELS, type ChannelKind } from '@/lib/core/schemas/notify';
import { URGENT_KIND_CHOICES } from '@/lib/core/notify/kinds';
import styles from './channels.module.css';
import { addRouteAction, createChannelAction, removeRouteAction, sendTestAction, setChannelActiveAction, updateNotifySettingsAction } from './actions';

const SECRET_LABELS: Record<ChannelKind, string> = {
  EMAIL: 'SMTP 密码（授权码）',
  DINGTALK: '加签密钥（SEC 开头，未启用加签可留空）',
  WECOM: '',
  SMS: '网关令牌（模板中的 {{token}}）',
  WEBHOOK: '签名密钥（HMAC-SHA256）',
};

export function NewChannelForm() {
  const [state, action] = useActionState(createChannelAction, INITIAL_FORM_STATE);
  const [kind, setKind] = useState<ChannelKind>('EMAIL');
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input name={name} {...props} />
      <FieldError state={state} name={name} />
    </label>
  );
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
      {field('name', '名称', { required: true, maxLength: 60, placeholder: '如：县政府邮件、发改局钉钉群' })}
      {kind === 'EMAIL' && (
        <>
          {field('host', 'SMTP 服务器', { required: true, placeholder: 'smtp.example.gov.cn' })}
          {field('port', '端口', { required: true, inputMode: 'numeric', defaultValue: '465' })}
          <label className={styles.check}>
            <input type="checkbox" name="secure" defaultChecked /> SSL/TLS 直连（465 端口；587 端口请取消）
          </label>
          {field('user', '账号（无需登录可留空）')}
          {field('from', '发件人', { required: true, placeholder: '督查室 <duchashi@example.gov.cn>' })}
        </>
      )}
      {(kind === 'DINGTALK' || kind === 'WECOM') && field('webhookUrl', 'Webhook 地址', { required: true, placeholder: kind === 'DINGTALK' ? 'https://oapi.dingtalk.com/robot/send?access_token=…' : 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })}
      {kind === 'WEBHOOK' && field('url', '接收地址', { required: true, placeholder: 'https://…' })}
      {kind === 'SMS' && (
        <>
          {field('url', '网关地址（可含 {{phone}} {{text}} {{id}} {{token}}）', { required: true })}
          <label>
            请求方式
            <select name="method" defaultValue="POST">
              <option value="POST">POST</option>
              <option value="GET">GET</option>
            </select>
          </label>
          <label>
            请求体格式
            <select name="contentType" defaultValue="json">
              <option value="json">JSON</option>
              <option value="form">表单（x-www-form-urlencoded）</option>
            </select>
          </label>
          <label>
            请求体模板
            <textarea name="body" rows={3} defaultValue={'{"mobile":"{{phone}}","content":"{{text}}","msgId":"{{id}}"}'} />
            <FieldError state={state} name="body" />
          </label>
          {field('successText', '成功应答包含的文字（留空则只看 HTTP 2xx）')}
        </>
      )}
      {SECRET_LABELS[kind] && field('secret', SECRET_LABELS[kind], { type: 'password', autoComplete: 'new-password' })}
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…">添加渠道</SubmitButton>
      </div>
    </form>
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
