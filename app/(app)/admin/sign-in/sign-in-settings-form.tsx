'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import styles from '../admin.module.css';
import { updateSignInSettingsAction } from './actions';

type Settings = { enabled: boolean; issuer: string; clientId: string; clientSecret: string; accountClaim: string; label: string; localPasswords: boolean };

/** The identity provider's settings and the password switch; the stored secret is only shown masked. */
export function SignInSettingsForm({ settings }: { settings: Settings }) {
  const { state, pending, ref, onSubmit } = useKeptForm(updateSignInSettingsAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="stack" aria-label="登录方式">
      <label className={styles.check}>
        <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> 启用统一身份认证登录
      </label>
      <label>
        签发方（issuer）
        <input name="issuer" type="url" defaultValue={settings.issuer} placeholder="https://id.example.gov.cn" maxLength={300} />
        <FieldError state={state} name="issuer" />
      </label>
      <label>
        Client ID
        <input name="clientId" defaultValue={settings.clientId} maxLength={200} autoComplete="off" />
        <FieldError state={state} name="clientId" />
      </label>
      <label>
        Client secret <span className="muted small">（{settings.clientSecret}；留空则不修改）</span>
        <input name="clientSecret" type="password" maxLength={500} autoComplete="new-password" />
        <FieldError state={state} name="clientSecret" />
      </label>
      <label>
        账号名所在声明（claim）
        <input name="accountClaim" defaultValue={settings.accountClaim} maxLength={100} placeholder="preferred_username" />
        <FieldError state={state} name="accountClaim" />
      </label>
      <label>
        登录按钮文字
        <input name="label" defaultValue={settings.label} maxLength={30} placeholder="统一身份认证" />
        <FieldError state={state} name="label" />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="localPasswords" defaultChecked={settings.localPasswords} /> 允许账号密码登录（关闭后仅督查室账号可用密码登录）
      </label>
      <FieldError state={state} name="localPasswords" />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…" pending={pending}>
          保存
        </SubmitButton>
      </div>
    </form>
  );
}
