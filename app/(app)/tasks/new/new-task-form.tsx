'use client';

import { useState } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import type { TaskChoices } from '@/lib/server/tasks/list-task-choices';
import { CADENCE_LABELS, REPORT_CADENCES } from '@/lib/core/schedule/cadence';
import { comparatorOptionLabel, TARGET_COMPARATORS } from '@/lib/core/targets/comparator';
import { createTaskAction } from './actions';
import styles from '../tasks.module.css';

const MAX_TARGETS = 10;

export function NewTaskForm({ choices, today }: { choices: TaskChoices; today: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(createTaskAction);
  // Stable keys so removing a middle row keeps the other rows' typed values.
  const [targetKeys, setTargetKeys] = useState<number[]>([]);
  const [nextKey, setNextKey] = useState(0);
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
      <fieldset className={styles.fieldset}>
        <legend>牵头领导</legend>
        <div className={styles.unitGrid}>
          {choices.leaders.map((leader) => (
            <label key={leader.id} className={styles.check}>
              <input type="checkbox" name="leaderIds" value={leader.id} />
              {leader.name}
            </label>
          ))}
        </div>
        <FieldError state={state} name="leaderIds" />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>配合单位</legend>
        <div className={styles.unitGrid}>
          {choices.units.map((unit) => (
            <label key={unit.id} className={styles.check}>
              <input type="checkbox" name="coUnitIds" value={unit.id} />
              {unit.shortName}
            </label>
          ))}
        </div>
        <FieldError state={state} name="coUnitIds" />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>量化指标</legend>
        <input type="hidden" name="targetCount" value={targetKeys.length} />
        {targetKeys.map((key, index) => (
          <div key={key} className={styles.targetRow} data-testid={`target-row-${index}`}>
            <label>
              指标{index + 1}
              <input name={`targets.${index}.metric`} placeholder="如：全年建设项目200个以上" maxLength={300} />
              <FieldError state={state} name={`targets.${index}.metric`} />
            </label>
            <label>
              比较方式
              <select name={`targets.${index}.comparator`} defaultValue=">=">
                {TARGET_COMPARATORS.map((comparator) => (
                  <option key={comparator} value={comparator}>
                    {comparatorOptionLabel(comparator)}
                  </option>
                ))}
              </select>
              <FieldError state={state} name={`targets.${index}.comparator`} />
            </label>
            <label>
              目标值
              <input name={`targets.${index}.value`} inputMode="decimal" />
              <FieldError state={state} name={`targets.${index}.value`} />
            </label>
            <label>
              上限（区间）
              <input name={`targets.${index}.valueMax`} inputMode="decimal" />
              <FieldError state={state} name={`targets.${index}.valueMax`} />
            </label>
            <label>
              单位
              <input name={`targets.${index}.unit`} maxLength={20} placeholder="个" />
              <FieldError state={state} name={`targets.${index}.unit`} />
            </label>
            <div>
              <button type="button" className="secondary" onClick={() => setTargetKeys((keys) => keys.filter((k) => k !== key))}>
                删除指标{index + 1}
              </button>
            </div>
          </div>
        ))}
        <FieldError state={state} name="targets" />
        {targetKeys.length < MAX_TARGETS && (
          <div>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setTargetKeys((keys) => [...keys, nextKey]);
                setNextKey((k) => k + 1);
              }}
            >
              添加指标
            </button>
          </div>
        )}
      </fieldset>
      <div className="actions">
        <SubmitButton pending={pending}>创建任务</SubmitButton>
      </div>
    </form>
  );
}
