'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { resetPasswordAction, resetSecondFactorAction, unlockAccountAction, type ResetPasswordState } from './account-server-actions';

/**
 * 督查室's account actions on a user's page: reset the password (the one-time password is shown
 * here once, to be handed over; the user must change it at the next sign-in) and, when the account
 * is locked after failed sign-ins, unlock it.
 */
export function AccountActions({ userId, locked, secondFactor }: { userId: string; locked: boolean; secondFactor: boolean }) {
  const [reset, resetAction] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, INITIAL_FORM_STATE);
  const [unlock, unlockAction] = useActionState(unlockAccountAction, INITIAL_FORM_STATE);
  const [factorReset, factorResetAction] = useActionState(resetSecondFactorAction, INITIAL_FORM_STATE);
  return (
    <section className="panel" aria-label="账号操作">
      <h2>账号</h2>
      <div className="actions">
        <form
          action={resetAction}
          onSubmit={(event) => {
            if (!window.confirm('重置后该用户的登录将全部退出，须用一次性密码重新登录并修改密码。确定重置？')) event.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton pendingText="重置中…" className="secondary">
            重置密码
          </SubmitButton>
        </form>
        {locked && (
          <form action={unlockAction}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton pendingText="解除中…" className="secondary">
              解除锁定
            </SubmitButton>
          </form>
        )}
        {secondFactor && (
          <form
            action={factorResetAction}
            onSubmit={(event) => {
              if (!window.confirm('重置后该用户只凭密码即可登录（例如手机丢失时），可再自行启用两步验证。确定重置？')) event.preventDefault();
            }}
          >
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton pendingText="重置中…" className="secondary">
              重置两步验证
            </SubmitButton>
          </form>
        )}
      </div>
      {secondFactor && <p className="muted small">该用户已启用两步验证。</p>}
      {locked && !unlock.ok && <p className="muted small">该账号因多次登录失败已被锁定。</p>}
      <FormMessage state={reset} />
      {reset.oneTimePassword && (
        <p data-testid="one-time-password">
          账号 <strong>{reset.username}</strong> 的一次性密码：<code className="mono">{reset.oneTimePassword}</code>
          <br />
          <span className="muted small">只显示这一次，请当面或电话告知本人；登录后须立即修改。</span>
        </p>
      )}
      <FormMessage state={unlock} />
      <FormMessage state={factorReset} />
    </section>
  );
}
