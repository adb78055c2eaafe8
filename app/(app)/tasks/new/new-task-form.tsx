'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import type { TaskChoices } from '@/lib/server/tasks/list-task-choices';
import { CADENCE_LABELS, REPORT_CADENCES } from '@/lib/core/schedule/cadence';
import { MultiSelect } from '@/app/_components/multi-select';
import { ImportanceSelect, TargetRows } from '../task-form-fields';
import { createTaskAction } from './actions';
import styles from '../tasks.module.css';

export function NewTaskForm({ choices, today }: { choices: TaskChoices; today: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(createTaskAction);
  const year = today.slice(0, 4);

  return (
    <form ref={ref} className="stack panel" onSubmit={onSubmit} aria-label="新建任务">
      <FormMessage state={state} />
      <label>
        任务名称
        <input name="title" required maxLength={500} />
        <FieldError state={state} name="title" />
      </label>
      <label>
        任务说明
        <textarea name="description" maxLength={5000} />
        <FieldError state={state} name="description" />
      </label>
      <div className={styles.row}>
        <label>
          年度
          <input name="year" type="number" min={2000} max={2100} defaultValue={year} required />
          <FieldError state={state} name="year" />
        </label>
        <label>
          牵头单位
          <select name="leadUnitId" defaultValue="" required>
            <option value="">请选择</option>
            {choices.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.shortName}
              </option>
            ))}
          </select>
          <FieldError state={state} name="leadUnitId" />
        </label>
        <label>
          开始日期
          <input name="startDate" type="date" defaultValue={today} required />
          <FieldError state={state} name="startDate" />
        </label>
        <label>
          完成时限
          <input name="deadline" type="date" defaultValue={`${year}-12-31`} required />
          <FieldError state={state} name="deadline" />
        </label>
        <label>
          调度频次
          <select name="cadence" defaultValue="MONTHLY">
            {REPORT_CADENCES.map((cadence) => (
              <option key={cadence} value={cadence}>
                {CADENCE_LABELS[cadence]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="cadence" />
        </label>
        <ImportanceSelect state={state} defaultValue="NORMAL" />
        {choices.plans.length > 0 && (
          <label>
            所属计划
            <select name="planId" defaultValue="">
              <option value="">（无）</option>
              {choices.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
            <FieldError state={state} name="planId" />
          </label>
        )}
      </div>
      <MultiSelect name="leaderIds" label="牵头领导" choices={choices.leaders.map((l) => ({ id: l.id, label: l.name }))} state={state} />
      <MultiSelect name="coUnitIds" label="配合单位" choices={choices.units.map((u) => ({ id: u.id, label: u.shortName }))} state={state} />
      <TargetRows state={state} />
      <div className="actions">
        <SubmitButton pending={pending}>创建任务</SubmitButton>
      </div>
    </form>
  );
}
