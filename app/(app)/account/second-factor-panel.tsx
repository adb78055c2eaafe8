'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { confirmSecondFactorAction, startSecondFactorAction, type SecondFactorState } from './second-factor-actions';

/**
 * 两步验证 on the account page (the office and leaders): start, add the key to an authenticator app
 * (the otpauth:// link or the key typed in), confirm with its first code, keep the recovery codes.
 */
export function SecondFactorPanel({ enabledAt, recoveryCodesLeft, pending }: { enabledAt: string | null; recoveryCodesLeft: number; pending: { secret: string; uri: string } | null }) {
  const [started, startAction] = useActionState(startSecondFactorAction, INITIAL_FORM_STATE);
  const [confirmed, confirmAction] = useActionState<SecondFactorState, FormData>(confirmSecondFactorAction, INITIAL_FORM_STATE);

  if (confirmed.recoveryCodes) {
    return (
      <div className="stack" data-testid="recovery-codes">
        <FormMessage state={confirmed} />
        <p>
          <strong>恢复码（只显示这一次）</strong>：手机不在身边时，每枚可代替验证码登录一次。请抄下或打印后妥善保管。
        </p>
        <ul className="mono">
          {confirmed.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (enabledAt) {
    return (
      <p>
        已启用（{enabledAt}），剩余恢复码 {recoveryCodesLeft} 枚。手机丢失时请联系督查室重置。
      </p>
    );
  }
  if (pending) {
    return (
      <form action={confirmAction} className="stack" aria-label="确认两步验证" noValidate>
        <p>在手机验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP）中添加账号：点按下面的链接，或手动输入密钥（基于时间，6 位）。</p>
        <p>
          密钥：<code className="mono" data-testid="totp-secret">{pending.secret}</code>
        </p>
        <p className="small">
          <a href={pending.uri} className="mono" data-testid="totp-uri">
            {pending.uri}
          </a>
        </p>
        <label>
          验证器显示的验证码
          <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
          <FieldError state={confirmed} name="code" />
        </label>
        <FormMessage state={confirmed} />
        <div>
          <SubmitButton pendingText="确认中…">确认启用</SubmitButton>
        </div>
      </form>
    );
  }
  return (
    <form action={startAction} className="stack" aria-label="启用两步验证">
      <p className="muted">启用后，登录时除密码外还须输入手机验证器显示的动态验证码。</p>
      <FormMessage state={started} />
      <div>
        <SubmitButton pendingText="准备中…" className="secondary">
          启用两步验证
        </SubmitButton>
      </div>
    </form>
  );
}
