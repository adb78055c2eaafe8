import type { FormState } from '@/app/_components/form-feedback';

/** The state of a plan form before its first submission. */
export const INITIAL_FORM_STATE: FormState = { ok: false, message: '', fieldErrors: {} };

/** A text field of a submitted form ('' when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
