// Reading posted form fields for server actions and form parsers; the zod schemas judge the values.

/** A text field of a submitted form; undefined when absent or a file. */
export function formString(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A text field of a submitted form; '' when absent or a file. */
export function formText(form: FormData, name: string): string {
  return formString(form, name) ?? '';
}

/** The non-empty values of a repeated field (checkboxes, a multiple select). */
export function formStrings(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');
}
