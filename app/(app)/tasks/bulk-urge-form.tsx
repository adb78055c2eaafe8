'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { urgeTasksAction } from './bulk-actions';

/** The form the ledger's row checkboxes belong to (form="bulk-urge"): one 催办 text for every selected task. */
export function BulkUrgeForm() {
  const { state, pending, ref, onSubmit } = useKeptForm(urgeTasksAction);
  return (
    <form ref={ref} id="bulk-urge" className="panel stack" onSubmit={onSubmit} aria-label="批量催办" noValidate>
      <FieldError state={state} name="taskIds" />
      <label>
        催办内容（发送给所选任务的牵头单位）
        <textarea name="text" maxLength={2000} rows={2} placeholder="请于本周内报送最新进展" />
        <FieldError state={state} name="text" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending}>催办所选</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
