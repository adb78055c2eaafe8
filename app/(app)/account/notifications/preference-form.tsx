'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { NOTIFY_KIND_GROUPS } from '@/lib/core/notify/kinds';
import { updatePreferenceAction } from './actions';

type Preference = { email: string; emailKinds: string[]; smsKinds: string[]; quietStart: string; quietEnd: string; digest: boolean; phone: string | null; emailAvailable: boolean; smsAvailable: boolean };

export function PreferenceForm({ preference }: { preference: Preference }) {
  const [state, action] = useActionState(updatePreferenceAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="stack" aria-label="外发通知偏好">
      <label>
        邮箱
        <input name="email" type="email" defaultValue={preference.email} placeholder="name@example.gov.cn" />
        <FieldError state={state} name="email" />
      </label>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>通知类型</th>
              <th>邮件{!preference.emailAvailable && '（未开通）'}</th>
              <th>短信{!preference.smsAvailable && '（未开通）'}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(NOTIFY_KIND_GROUPS).map(([group, label]) => (
              <tr key={group}>
                <td>{label}</td>
                <td>
                  <input type="checkbox" name="emailKinds" value={group} defaultChecked={preference.emailKinds.includes(group)} aria-label={`${label}：邮件`} />
                </td>
                <td>
                  <input type="checkbox" name="smsKinds" value={group} defaultChecked={preference.smsKinds.includes(group)} aria-label={`${label}：短信`} disabled={!preference.phone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!preference.phone && <p className="muted small">账号未登记手机号，暂不能接收短信（请联系督查室登记）。</p>}
      <fieldset>
        <legend>短信免打扰时段（北京时间；督查室指定的紧急事项除外）</legend>
        <label>
          开始
          <input name="quietStart" defaultValue={preference.quietStart} pattern="\d{1,2}:\d{2}" required />
          <FieldError state={state} name="quietStart" />
        </label>
        <label>
          结束
          <input name="quietEnd" defaultValue={preference.quietEnd} pattern="\d{1,2}:\d{2}" required />
          <FieldError state={state} name="quietEnd" />
        </label>
      </fieldset>
      <label>
        <input type="checkbox" name="digest" defaultChecked={preference.digest} /> 每天早上通过邮件接收摘要
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…">保存</SubmitButton>
      </div>
    </form>
  );
}
