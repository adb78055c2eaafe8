'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { PASSWORD_POLICY_TEXT } from '@/lib/core/auth/password-policy';
import { changePasswordAction } from './actions';

/** 修改密码: the current password, then the new one twice. Used by /account and /account/password. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(changePasswordAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="stack" aria-label="修改密码">
      {/* Lets the browser's password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <label>
        当前密码
        <input name="currentPassword" type="password" autoComplete="current-password" required />
        <FieldError state={state} name="currentPassword" />
      </label>
      <label>
        新密码
        <input name="newPassword" type="password" autoComplete="new-password" required aria-describedby="password-policy" />
        <FieldError state={state} name="newPassword" />
      </label>
      <label>
        再次输入新密码
        <input name="confirmPassword" type="password" autoComplete="new-password" required />
        <FieldError state={state} name="confirmPassword" />
      </label>
      <p id="password-policy" className="muted small">
        密码要求：{PASSWORD_POLICY_TEXT}。
      </p>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="保存中…">
          修改密码
        </SubmitButton>
      </div>
    </form>
  );
}
