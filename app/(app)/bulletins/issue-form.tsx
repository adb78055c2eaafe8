'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, type FormState } from '@/app/_components/form-feedback';
import { issueBulletinAction } from './actions';

const INITIAL_STATE: FormState = { ok: false, message: '', fieldErrors: {} };

export function IssueBulletinForm({ period, label }: { period: string; label: string }) {
  const [state, formAction] = useActionState(issueBulletinAction, INITIAL_STATE);
  return (
    <form action={formAction} className="actions" aria-label="印发通报">
      <input type="hidden" name="period" value={period} />
      <SubmitButton pendingText="印发中…">印发{label}通报</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
