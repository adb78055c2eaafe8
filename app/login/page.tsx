import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeRedirectPath } from '@/lib/core/auth/redirect';
import { getSessionUser } from '@/lib/server/auth/session';
import { readOidcSettings } from '@/lib/server/auth/oidc-sign-in';
import { OIDC_REFUSALS, oidcRefusalMessage } from '@/lib/core/schemas/sign-in-settings';
import { LoginForm } from './login-form';
import { OidcSignInButton } from './oidc-sign-in-button';

export const metadata: Metadata = { title: '登录' };

// Only a same-origin path: `//evil.example` and the like fall back to the home page.
const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined).transform(safeRedirectPath),
  // next-auth's error code after an identity-provider sign-in (pages.error is this page).
  error: z.string().optional().catch(undefined),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
  if (await getSessionUser()) redirect(callbackUrl);
  const oidc = await readOidcSettings();
  const oidcError = error ? (oidcRefusalMessage(error) ?? (error.startsWith('OAuth') || error === 'Callback' ? OIDC_REFUSALS.OidcUnavailable : null)) : null;
  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1>落实</h1>
        <p className="sub">重点任务督查督办系统</p>
        {oidcError && (
          <p className="form-message" role="status" data-testid="login-error">
            {oidcError}
          </p>
        )}
        <LoginForm callbackUrl={callbackUrl} />
        {oidc && (
          <div className="stack">
            <p className="sub small">或</p>
            <OidcSignInButton label={oidc.label} callbackUrl={callbackUrl} />
          </div>
        )}
      </div>
    </div>
  );
}
