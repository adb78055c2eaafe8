'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { setLeaderUnitsAction } from '../actions';
import { UnitMultiSelect, type UnitOption } from './unit-multi-select';

export function LeaderUnitsForm({ leaderId, units, selected }: { leaderId: string; units: UnitOption[]; selected: string[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(setLeaderUnitsAction);
  return (
    <form ref={ref} className="stack panel" onSubmit={onSubmit} aria-label="分管单位">
      <input type="hidden" name="leaderId" value={leaderId} />
      <UnitMultiSelect name="unitIds" options={units} initial={selected} />
      <FieldError state={state} name="unitIds" />
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>保存分管</SubmitButton>
      </div>
    </form>
  );
}
