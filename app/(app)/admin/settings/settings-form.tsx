'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { updateSettingsAction } from './actions';

export function SettingsForm({ countyName, workingYear }: { countyName: string; workingYear: number | null }) {
  const [state, action] = useActionState(updateSettingsAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="stack" aria-label="系统设置">
      <label>
        县（区）名称
        <input name="countyName" defaultValue={countyName} required maxLength={40} />
        <FieldError state={state} name="countyName" />
      </label>
      <label>
        工作年度
        <input name="workingYear" inputMode="numeric" pattern="\d{4}" defaultValue={workingYear ?? ''} placeholder="留空则为当年" />
        <FieldError state={state} name="workingYear" />
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="保存中…">保存</SubmitButton>
      </div>
    </form>
  );
}
