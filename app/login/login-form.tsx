'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { safeRedirectPath } from '@/lib/core/auth/redirect';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await signIn('credentials', {
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setMessage(result?.error && result.error !== 'CredentialsSignin' ? result.error : '账号或密码错误');
      return;
    }
    window.location.assign(safeRedirectPath(callbackUrl));
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="登录">
      <label>
        账号
        <input name="username" autoComplete="username" required autoFocus />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {message && (
        <p className="form-message" role="status" data-testid="login-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? '登录中…' : '登录'}
      </button>
    </form>
  );
}
