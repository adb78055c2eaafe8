'use client';

import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/server/action-result';

/** What a server action answers its form (see runAction). */
export type FormState = ActionState;

/** A form's state before its first submission. */
export const INITIAL_FORM_STATE: FormState = { ok: false, message: '', fieldErrors: {} };

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={`form-message${state.ok ? ' ok' : ''}`} role="status">
      {state.message}
    </p>
  );
}

/** The field's errors, except the one its form's FormMessage already says (shown once, not twice). */
export function FieldError({ state, name }: { state: FormState; name: string }) {
  const errors = state.fieldErrors[name]?.filter((error) => error !== state.message);
  if (!errors?.length) return null;
  return <span className="field-error">{errors.join('；')}</span>;
}

/**
 * Disabled, saying `pendingText`, while the form's action runs. useFormStatus only sees `action=`
 * submissions, so a form submitted through useKeptForm passes the hook's `pending` instead.
 */
export function SubmitButton({
  children,
  pendingText = '提交中…',
  className,
  name,
  value,
  pending,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  /** Sent with the form when this button submits it, e.g. decision=approve. */
  name?: string;
  value?: string;
  pending?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button type="submit" disabled={busy} className={className} name={name} value={value}>
      {busy ? pendingText : children}
    </button>
  );
}
