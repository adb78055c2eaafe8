'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { runIntegrityCheckAction } from './actions';

/** 督查室: run the full check now, as the scheduled job does. */
export function IntegrityCheckButton() {
  const [state, formAction] = useActionState(runIntegrityCheckAction, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pendingText="核验中…">立即全面核验</SubmitButton>
      </div>
    </form>
  );
}
