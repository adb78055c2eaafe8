'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import { INITIAL_FORM_STATE, type FormState } from '@/app/_components/form-feedback';

/**
 * A server-action form that keeps what was typed when the server refuses it (React resets an
 * `action=` form after every submission) and clears itself once the server accepts it. The
 * clicked button's name/value is sent, so one form can offer 通过 and 退回. Pass `pending` to
 * the form's SubmitButton.
 */
export function useKeptForm(action: (state: FormState, form: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  };
  return { state, pending, ref, onSubmit };
}
