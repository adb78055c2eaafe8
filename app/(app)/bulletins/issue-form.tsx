'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { issueBulletinAction } from './actions';

export function IssueBulletinForm({ period, label }: { period: string; label: string }) {
  const [state, formAction] = useActionState(issueBulletinAction, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="actions" aria-label="印发通报">
      <input type="hidden" name="period" value={period} />
      <SubmitButton pendingText="印发中…">印发{label}通报</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
