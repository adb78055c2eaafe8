'use client';

import { useActionState } from 'react';
import { FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { deleteUnitAction } from '../actions';

export function DeleteUnitForm({ unitId, name }: { unitId: string; name: string }) {
  const [state, action] = useActionState(deleteUnitAction, INITIAL_FORM_STATE);
  return (
    <form
      action={action}
      className="stack"
      onSubmit={(event) => {
        if (!window.confirm(`确定删除“${name}”？此操作不可撤销。`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="unitId" value={unitId} />
      <p className="muted small">该单位没有任务和人员，可以删除。</p>
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton className="danger">删除单位</SubmitButton>
      </div>
    </form>
  );
}
