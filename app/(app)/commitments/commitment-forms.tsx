'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton, type FormState } from '@/app/_components/form-feedback';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One button that posts a few hidden fields to a server action and shows its answer. */
export function ActionButton({
  action,
  fields,
  label,
  pendingText,
  secondary = false,
}: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  pendingText?: string;
  secondary?: boolean;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="commitment-inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={secondary ? 'secondary' : undefined} pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The password form a signer fills in: the hash they read is posted with it. */
export function SignForm({
  action,
  versionId,
  signedHash,
  label,
  statement,
}: {
  action: Action;
  versionId: string;
  signedHash: string;
  label: string;
  statement: string;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="stack" data-testid="sign-form">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="signedHash" value={signedHash} />
      <p>{statement}</p>
      <label>
        请再次输入登录密码以确认签署
        <input type="password" name="password" autoComplete="current-password" required />
        <FieldError state={state} name="password" />
      </label>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pendingText="签署中…">{label}</SubmitButton>
      </div>
    </form>
  );
}

/** The office's editor for the opening text of a draft. */
export function PreambleForm({ action, versionId, preamble }: { action: Action; versionId: string; preamble: string }) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="versionId" value={versionId} />
      <label>
        承诺书正文（下发前可修改，每段一行）
        <textarea name="preamble" defaultValue={preamble} rows={8} />
        <FieldError state={state} name="preamble" />
      </label>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pendingText="保存中…">保存正文</SubmitButton>
      </div>
    </form>
  );
}
