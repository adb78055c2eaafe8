'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { lookupUploadAction } from './actions';

export function UploadForm() {
  const [state, formAction] = useActionState(lookupUploadAction, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="stack">
      <label>
        上传承诺书 PDF（系统下载的文件）或含核验码的文本文件
        <input type="file" name="file" accept="application/pdf,.pdf,text/plain,.txt" required />
        <FieldError state={state} name="file" />
      </label>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pendingText="读取中…">上传并核验</SubmitButton>
      </div>
    </form>
  );
}
