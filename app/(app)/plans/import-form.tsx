'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { MAX_PLAN_FILE_BYTES, PLAN_FILE_ACCEPT, PLAN_KINDS, PLAN_KIND_LABELS } from '@/lib/core/schemas/plan';
import { importPlanAction } from './actions';
import styles from './plans.module.css';

/** Paste or upload a plan document; the server parses it into a draft and opens the review. */
export function ImportForm() {
  // Kept, so a refusal keeps the pasted text and the chosen file.
  const { state, pending, ref, onSubmit } = useKeptForm(importPlanAction);
  const [fileError, setFileError] = useState('');
  const existingPlanId = state.fieldErrors.planId?.[0];
  // Set when the document nearly matches an earlier one: the office may still import it.
  const nearDuplicate = state.fieldErrors.confirmDuplicate?.[0];

  function checkFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setFileError(file && file.size > MAX_PLAN_FILE_BYTES ? '文件过大（上限 5 MB）' : '');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    if (fileError) event.preventDefault();
    else onSubmit(event);
  }

  return (
    <form ref={ref} className="stack" onSubmit={submit}>
      <label>
        粘贴计划文本
        <textarea name="text" rows={8} placeholder="将工作计划、政府工作报告或讲话全文粘贴到这里" className={styles.source} />
        <FieldError state={state} name="text" />
      </label>
      <label>
        或上传文件（.txt / .docx / .xlsx，不超过 5 MB）
        <input type="file" name="file" accept={PLAN_FILE_ACCEPT} onChange={checkFile} />
        {fileError && <span className="field-error">{fileError}</span>}
        <FieldError state={state} name="file" />
      </label>
      <div className={styles.row}>
        <label>
          计划名称（可选）
          <input name="title" maxLength={200} placeholder="留空则取文件标题" />
          <FieldError state={state} name="title" />
        </label>
        <label>
          年度（可选）
          <input name="year" inputMode="numeric" pattern="\d{4}" placeholder="留空则从文中识别" />
          <FieldError state={state} name="year" />
        </label>
        <label>
          类型
          <select name="kind" defaultValue="WORK_PLAN">
            {PLAN_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PLAN_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!pending && <FormMessage state={state} />}
      {!pending && existingPlanId && (
        <p>
          <Link href={`/plans/${existingPlanId}`}>查看已导入的计划</Link>
        </p>
      )}
      {!pending && nearDuplicate && (
        <label>
          <input type="checkbox" name="confirmDuplicate" /> 仍然导入（{nearDuplicate}）
        </label>
      )}
      {pending && (
        <p className={styles.progress} role="status">
          <progress aria-label="解析进度" /> 正在上传并解析文件，请稍候…
        </p>
      )}
      <div className="actions">
        <SubmitButton pending={pending} pendingText="正在解析…">
          导入并解析
        </SubmitButton>
      </div>
    </form>
  );
}
