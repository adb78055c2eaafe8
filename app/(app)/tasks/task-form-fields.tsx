'use client';

// Form pieces shared by the new-task form and the edit page.

import { useState } from 'react';
import { FieldError, type FormState } from '@/app/_components/form-feedback';
import { comparatorOptionLabel, TARGET_COMPARATORS, type TargetComparator } from '@/lib/core/targets/comparator';
import { TASK_IMPORTANCE_LABELS, TASK_IMPORTANCES, type TaskImportance } from '@/lib/core/workflow/task-importance';
import styles from './tasks.module.css';

/** 重要程度 (一般/重要/重点): a 考核办法 may weigh the task's points by it. */
export function ImportanceSelect({ state, defaultValue }: { state: FormState; defaultValue: TaskImportance }) {
  return (
    <label>
      重要程度
      <select name="importance" defaultValue={defaultValue}>
        {TASK_IMPORTANCES.map((level) => (
          <option key={level} value={level}>
            {TASK_IMPORTANCE_LABELS[level]}
          </option>
        ))}
      </select>
      <FieldError state={state} name="importance" />
    </label>
  );
}

export type TargetRowValue = {
  id?: string;
  metric: string;
  comparator: TargetComparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
};

const MAX_TARGETS = 10;

/**
 * The 量化指标 rows, numbered targets.<i>.<field> with targetCount; a stored target carries its id,
 * so an edit changes it in place (keeping its reported actual) instead of replacing it.
 */
export function TargetRows({ state, initial = [] }: { state: FormState; initial?: TargetRowValue[] }) {
  // Stable keys so removing a middle row keeps the other rows' typed values.
  const [rows, setRows] = useState<{ key: number; value?: TargetRowValue }[]>(() => initial.map((value, key) => ({ key, value })));
  const [nextKey, setNextKey] = useState(initial.length);

  return (
    <fieldset className={styles.fieldset}>
      <legend>量化指标</legend>
      <input type="hidden" name="targetCount" value={rows.length} />
      {rows.map(({ key, value }, index) => (
        <div key={key} className={styles.targetRow} data-testid={`target-row-${index}`}>
          {value?.id && <input type="hidden" name={`targets.${index}.id`} value={value.id} />}
          <label>
            指标{index + 1}
            <input name={`targets.${index}.metric`} defaultValue={value?.metric} placeholder="如：全年建设项目200个以上" maxLength={300} />
            <FieldError state={state} name={`targets.${index}.metric`} />
          </label>
          <label>
            比较方式
            <select name={`targets.${index}.comparator`} defaultValue={value?.comparator ?? '>='}>
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
            <input name={`targets.${index}.value`} inputMode="decimal" defaultValue={value?.value ?? ''} />
            <FieldError state={state} name={`targets.${index}.value`} />
          </label>
          <label>
            上限（区间）
            <input name={`targets.${index}.valueMax`} inputMode="decimal" defaultValue={value?.valueMax ?? ''} />
            <FieldError state={state} name={`targets.${index}.valueMax`} />
          </label>
          <label>
            单位
            <input name={`targets.${index}.unit`} maxLength={20} placeholder="个" defaultValue={value?.unit} />
            <FieldError state={state} name={`targets.${index}.unit`} />
          </label>
          <div>
            <button type="button" className="secondary" onClick={() => setRows((list) => list.filter((row) => row.key !== key))}>
              删除指标{index + 1}
            </button>
          </div>
        </div>
      ))}
      <FieldError state={state} name="targets" />
      {rows.length < MAX_TARGETS && (
        <div>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRows((list) => [...list, { key: nextKey }]);
              setNextKey((k) => k + 1);
            }}
          >
            添加指标
          </button>
        </div>
      )}
    </fieldset>
  );
}
