'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { resendAction } from './actions';

export function ResendForm({ messageId }: { messageId: string }) {
  const [state, action] = useActionState(resendAction, INITIAL_FORM_STATE);
  return (
    <form action={action}>
      <input type="hidden" name="messageId" value={messageId} />
      <SubmitButton className="secondary" pendingText="…">
        重发
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
