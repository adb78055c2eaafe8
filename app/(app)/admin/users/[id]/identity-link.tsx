'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { linkOidcIdentityAction, unlinkOidcIdentityAction } from './account-server-actions';

/**
 * The account's identity at the county provider: shown when linked (by a sign-in or by the office),
 * linked here by the provider's subject (sub) when the account names differ, or unlinked.
 */
export function IdentityLink({ userId, subject, issuer }: { userId: string; subject: string | null; issuer: string | null }) {
  const { state: linkState, pending: linkPending, ref: linkRef, onSubmit: onLink } = useKeptForm(linkOidcIdentityAction);
  const { state: unlinkState, pending: unlinkPending, ref: unlinkRef, onSubmit: onUnlink } = useKeptForm(unlinkOidcIdentityAction);
  return (
    <section className="panel" aria-label="统一身份认证">
      <h2>统一身份认证</h2>
      {subject ? (
        <form ref={unlinkRef} onSubmit={onUnlink} className="actions">
          <input type="hidden" name="userId" value={userId} />
          <span>
            已关联：<code className="mono" data-testid="oidc-subject">{subject}</code>
          </span>
          <SubmitButton pendingText="解除中…" className="secondary" pending={unlinkPending}>
            解除关联
          </SubmitButton>
        </form>
      ) : (
        <p className="muted small">未关联。该用户首次通过统一身份认证登录时按账号名自动关联；账号名不一致时可在此填写其标识（sub）。</p>
      )}
      <FormMessage state={unlinkState} />
      {issuer ? (
        <form ref={linkRef} onSubmit={onLink} className="stack" aria-label="关联统一身份认证">
          <input type="hidden" name="userId" value={userId} />
          <label>
            {subject ? '改为关联标识（sub）' : '关联标识（sub）'}
            <input name="subject" required maxLength={200} autoComplete="off" />
            <FieldError state={linkState} name="subject" />
          </label>
          <FormMessage state={linkState} />
          <div>
            <SubmitButton pendingText="关联中…" className="secondary" pending={linkPending}>
              关联
            </SubmitButton>
          </div>
        </form>
      ) : (
        <p className="muted small">尚未启用统一身份认证（见“登录方式”）。</p>
      )}
    </section>
  );
}
