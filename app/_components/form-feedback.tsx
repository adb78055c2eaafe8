'use client';

import { useFormStatus } from 'react-dom';

export type FormState = { ok: boolean; message: string; fieldErrors: Record<string, string[]> };

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={`form-message${state.ok ? ' ok' : ''}`} role="status">
      {state.message}
    </p>
  );
}

export function FieldError({ state, name }: { state: FormState; name: string }) {
  const errors = state.fieldErrors[name];
  if (!errors?.length) return null;
  return <span className="field-error">{errors.join('；')}</span>;
}

export function SubmitButton({ children, pendingText = '提交中…', className }: { children: React.ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
