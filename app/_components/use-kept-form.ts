'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { INITIAL_FORM_STATE, type FormState } from '@/app/_components/form-feedback';
import { formDataSize, MAX_REQUEST_BODY_BYTES, REQUEST_TOO_LARGE_MESSAGE } from '@/lib/core/attachments/policy';

/**
 * A server-action form that keeps what was typed when the server refuses it (React resets an
 * `action=` form after every submission) and clears itself once the server accepts it. The
 * clicked button's name/value is sent, so one form can offer 通过 and 退回. Pass `pending` to
 * the form's SubmitButton.
 *
 * Before anything is sent, `check` (and the body-size limit every request shares) may refuse the
 * form in the browser: an oversized upload never leaves it, and the typed text stays.
 */
export function useKeptForm(action: (state: FormState, form: FormData) => Promise<FormState>, check?: (form: FormData) => FormState | null) {
  const [serverState, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const [refusal, setRefusal] = useState<FormState | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (serverState.ok) ref.current?.reset();
  }, [serverState]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const refused =
      check?.(form) ?? (formDataSize(form.entries()) > MAX_REQUEST_BODY_BYTES ? { ok: false, message: REQUEST_TOO_LARGE_MESSAGE, fieldErrors: {} } : null);
    setRefusal(refused);
    if (!refused) startTransition(() => formAction(form));
  };
  return { state: refusal ?? serverState, pending, ref, onSubmit };
}
