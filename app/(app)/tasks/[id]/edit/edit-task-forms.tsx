'use client';

import { useState } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import type { TaskChoices } from '@/lib/server/tasks/list-task-choices';
import { CADENCE_LABELS, REPORT_CADENCES, type ReportCadence } from '@/lib/core/schedule/cadence';
import { MultiSelect } from '@/app/_components/multi-select';
import { ImportanceSelect, TargetRows, type TargetRowValue } from '../../task-form-fields';
import type { TaskImportance } from '@/lib/core/workflow/task-importance';
import { cancelTaskAction, editTaskAction, splitTaskAction } from './actions';
import styles from '../../tasks.module.css';

export type EditableTaskValues = {
  id: string;
  version: number;
  title: string;
  description: string;
  leadUnitId: string;
  coUnitIds: string[];
  leaderIds: string[];
  startDate: string;
  deadline: string;
  cadence: ReportCadence;
  importance: TaskImportance;
  targets: TargetRowValue[];
};

function UnitSelect({ name, units, defaultValue }: { name: string; units: TaskChoices['units']; defaultValue: string }) {
  return (
    <select name={name} defaultValue={defaultValue} required>
      <option value="">请选择</option>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.shortName}
        </option>
      ))}
    </select>
  );
}

/** 修改任务: every assignment field, and the reason the units will read. */
export function EditTaskForm({ task, choices }: { task: EditableTaskValues; choices: TaskChoices }) {
  const { state, pending, ref, onSubmit } = useKeptForm(editTaskAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="修改任务">
      <FormMessage state={state} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <label>
        任务名称
        <input name="title" required maxLength={500} defaultValue={task.title} />
        <FieldError state={state} name="title" />
      </label>
      <label>
        任务说明
        <textarea name="description" maxLength={5000} defaultValue={task.description} />
        <FieldError state={state} name="description" />
      </label>
      <div className={styles.row}>
        <label>
          牵头单位
          <UnitSelect name="leadUnitId" units={choices.units} defaultValue={task.leadUnitId} />
          <FieldError state={state} name="leadUnitId" />
        </label>
        <label>
          开始日期
          <input name="startDate" type="date" defaultValue={task.startDate} required />
          <FieldError state={state} name="startDate" />
        </label>
        <label>
          完成时限
          <input name="deadline" type="date" defaultValue={task.deadline} required />
          <FieldError state={state} name="deadline" />
        </label>
        <label>
          调度频次
          <select name="cadence" defaultValue={task.cadence}>
            {REPORT_CADENCES.map((cadence) => (
              <option key={cadence} value={cadence}>
                {CADENCE_LABELS[cadence]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="cadence" />
        </label>
        <ImportanceSelect state={state} defaultValue={task.importance} />
      </div>
      <MultiSelect name="leaderIds" label="牵头领导" choices={choices.leaders.map((l) => ({ id: l.id, label: l.name }))} defaultSelected={task.leaderIds} state={state} />
      <MultiSelect name="coUnitIds" label="配合单位" choices={choices.units.map((u) => ({ id: u.id, label: u.shortName }))} defaultSelected={task.coUnitIds} state={state} />
      <TargetRows state={state} initial={task.targets} />
      <label>
        修改理由（将通知相关单位）
        <textarea name="reason" required maxLength={500} />
        <FieldError state={state} name="reason" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending}>保存修改</SubmitButton>
      </div>
    </form>
  );
}

/** 拆分任务: two or more parts, each with title, lead unit, deadline and the original's targets it takes. */
export function SplitTaskForm({
  task,
  units,
  targets,
}: {
  task: Pick<EditableTaskValues, 'id' | 'version' | 'title' | 'leadUnitId' | 'deadline'>;
  units: TaskChoices['units'];
  targets: { id: string; text: string }[];
}) {
  const { state, pending, ref, onSubmit } = useKeptForm(splitTaskAction);
  const [partKeys, setPartKeys] = useState([0, 1]);
  const [nextKey, setNextKey] = useState(2);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="拆分任务">
      <FormMessage state={state} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="partCount" value={partKeys.length} />
      {partKeys.map((key, index) => (
        <div key={key} className={styles.partRow} data-testid={`split-part-${index}`}>
          <label>
            第{index + 1}项任务名称
            <input name={`parts.${index}.title`} required maxLength={500} defaultValue={`${task.title}（${index + 1}）`} />
            <FieldError state={state} name={`parts.${index}.title`} />
          </label>
          <label>
            牵头单位
            <UnitSelect name={`parts.${index}.leadUnitId`} units={units} defaultValue={task.leadUnitId} />
            <FieldError state={state} name={`parts.${index}.leadUnitId`} />
          </label>
          <label>
            完成时限
            <input name={`parts.${index}.deadline`} type="date" required defaultValue={task.deadline} />
            <FieldError state={state} name={`parts.${index}.deadline`} />
          </label>
          {targets.length > 0 && (
            <fieldset className={styles.fieldset}>
              <legend>第{index + 1}项承接的指标（同一指标选给多项即复制）</legend>
              {targets.map((target) => (
                <label key={target.id} className={styles.check}>
                  <input type="checkbox" name={`parts.${index}.targetIds`} value={target.id} />
                  {target.text}
                </label>
              ))}
            </fieldset>
          )}
          {partKeys.length > 2 && (
            <div>
              <button type="button" className="secondary" onClick={() => setPartKeys((keys) => keys.filter((k) => k !== key))}>
                删除第{index + 1}项
              </button>
            </div>
          )}
        </div>
      ))}
      <FieldError state={state} name="parts" />
      <div className="actions">
        {partKeys.length < 10 && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setPartKeys((keys) => [...keys, nextKey]);
              setNextKey((k) => k + 1);
            }}
          >
            增加一项
          </button>
        )}
        <SubmitButton pending={pending}>拆分（原任务将撤销）</SubmitButton>
      </div>
    </form>
  );
}

/** 撤销任务: with the reason the units are told; the task stays on record as 已撤销. */
export function CancelTaskForm({ taskId, version }: { taskId: string; version: number }) {
  const { state, pending, ref, onSubmit } = useKeptForm(cancelTaskAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="撤销任务">
      <FormMessage state={state} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <label>
        撤销理由
        <textarea name="reason" required maxLength={500} />
        <FieldError state={state} name="reason" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending} className="danger">
          撤销任务
        </SubmitButton>
      </div>
    </form>
  );
}
