'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Sends the user to the county identity provider; it returns to next-auth's callback, then to `callbackUrl`. */
export function OidcSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn('oidc', { callbackUrl });
      }}
    >
      {pending ? '正在跳转…' : label}
    </button>
  );
}
