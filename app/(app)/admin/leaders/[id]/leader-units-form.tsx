'use client';

import { FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { MultiSelect } from '@/app/_components/multi-select';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { setLeaderUnitsAction } from '../actions';

export type UnitOption = { id: string; shortName: string; active: boolean; otherLeaders: string[] };

export function LeaderUnitsForm({ leaderId, units, selected }: { leaderId: string; units: UnitOption[]; selected: string[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(setLeaderUnitsAction);
  const choices = units.map((unit) => ({
    id: unit.id,
    label: unit.active ? unit.shortName : `${unit.shortName}（已停用）`,
    hint: unit.otherLeaders.length > 0 ? `现由${unit.otherLeaders.join('、')}分管` : undefined,
  }));
  return (
    <form ref={ref} className="stack panel" onSubmit={onSubmit} aria-label="分管单位">
      <input type="hidden" name="leaderId" value={leaderId} />
      <MultiSelect name="unitIds" label="分管单位" choices={choices} defaultSelected={selected} state={state} />
      <FormMessage state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>保存分管</SubmitButton>
      </div>
    </form>
  );
}
