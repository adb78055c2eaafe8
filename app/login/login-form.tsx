'use client';

import { signIn } from 'next-auth/react';
import { useState, useSyncExternalStore } from 'react';
import { safeRedirectPath } from '@/lib/core/auth/redirect';
import { SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG } from '@/lib/core/auth/second-factor-messages';

const noSubscription = () => () => {};

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  // Until the page's script runs, the browser would submit the form itself (a phone on a slow
  // network, Enter pressed early): the button waits, and a POST keeps the password out of the address.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Shown once the server says this account has a second factor; the password stays typed.
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await signIn('credentials', {
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      code: String(form.get('code') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      if (result?.error === SECOND_FACTOR_REQUIRED || result?.error === SECOND_FACTOR_WRONG) setAskCode(true);
      setMessage(result?.error && result.error !== 'CredentialsSignin' ? result.error : '账号或密码错误');
      return;
    }
    window.location.assign(safeRedirectPath(callbackUrl));
  }

  return (
    <form className="stack" method="post" onSubmit={onSubmit} aria-label="登录">
      <label>
        账号
        <input name="username" autoComplete="username" required autoFocus />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {askCode && (
        <label>
          动态验证码
          <input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
          <span className="small muted">验证器（手机应用）显示的 6 位数字；手机不在身边时可输入一枚恢复码。</span>
        </label>
      )}
      {message && (
        <p className="form-message" role="status" data-testid="login-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending || !interactive}>
        {pending ? '登录中…' : '登录'}
      </button>
    </form>
  );
}
