'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { lookupUploadAction, type UploadState } from './actions';
import { ChainWarning, LetterResult } from './letter-result';

export function UploadForm() {
  const [state, formAction] = useActionState<UploadState, FormData>(lookupUploadAction, INITIAL_FORM_STATE);
  const verification = state.verification;
  return (
    <>
      <form action={formAction} className="stack">
        <label>
          上传承诺书 PDF（系统下载的文件）或含核验码的文本文件
          <input type="file" name="file" accept="application/pdf,.pdf,text/plain,.txt" required />
          <FieldError state={state} name="file" />
        </label>
        <p className="muted">PDF 按文件本身及其数字签名核验：内容被改动或签名被去除的文件不予认可。</p>
        <FormMessage state={state} />
        <div className="actions">
          <SubmitButton pendingText="核验中…">上传并核验</SubmitButton>
        </div>
      </form>
      {verification && !verification.ok && (
        <div className="panel banner-red" data-testid="verify-pdf-refused">
          <p>{verification.message}</p>
        </div>
      )}
      {verification?.ok && (
        <>
          <ChainWarning problems={verification.chain.problems} />
          <LetterResult match={verification.match} source="PDF 数字签名有效" />
        </>
      )}
    </>
  );
}
