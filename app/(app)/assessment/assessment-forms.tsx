'use client';

import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import type { SchemeField } from '@/lib/core/assessment/scheme-form';
import {
  adjustAssessmentAction,
  approveAssessmentAction,
  publishAssessmentAction,
  replaceSchemeAction,
  runAssessmentAction,
  saveSchemeAction,
} from './actions';

export function RunAssessmentForm({ year, asOf, rerun }: { year: number; asOf: string; rerun: boolean }) {
  const { state, pending, ref, onSubmit } = useKeptForm(runAssessmentAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="actions" aria-label="计算考核结果">
      <input type="hidden" name="year" value={year} />
      <label>
        考核截止日
        <input type="date" name="asOf" defaultValue={asOf} required />
      </label>
      <SubmitButton pending={pending} pendingText="计算中…">
        {rerun ? '重新计算' : '计算考核结果'}
      </SubmitButton>
      <FieldError state={state} name="asOf" />
      <FormMessage state={state} />
    </form>
  );
}

export function AdjustForm({ year, version, units }: { year: number; version: number; units: { id: string; name: string }[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(adjustAssessmentAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="panel stack" aria-label="调整得分">
      <h2>调整得分</h2>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <div className="form-grid">
        <label>
          单位
          <select name="unitId" required defaultValue="">
            <option value="" disabled>
              请选择
            </option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <FieldError state={state} name="unitId" />
        </label>
        <label>
          调整分值（正为加分，负为减分，0 为取消调整）
          <input type="number" name="points" step="0.1" min="-100" max="100" required />
          <FieldError state={state} name="points" />
        </label>
        <label className="wide">
          理由
          <input type="text" name="reason" maxLength={200} required />
          <FieldError state={state} name="reason" />
        </label>
      </div>
      <div className="actions">
        <SubmitButton pending={pending}>保存调整</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function StepForm({ year, version, step }: { year: number; version: number; step: 'approve' | 'publish' }) {
  const { state, pending, ref, onSubmit } = useKeptForm(step === 'approve' ? approveAssessmentAction : publishAssessmentAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="actions" aria-label={step === 'approve' ? '审定' : '公布'}>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending}>{step === 'approve' ? '审定考核结果' : '公布考核结果'}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function SchemeForm({
  year,
  version,
  name,
  groups,
}: {
  year: number;
  version: number;
  name: string;
  groups: readonly { legend: string; fields: (SchemeField & { value: string })[] }[];
}) {
  const { state, pending, ref, onSubmit } = useKeptForm(saveSchemeAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="panel stack" aria-label="考核办法">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <label>
        名称
        <input type="text" name="name" defaultValue={name} maxLength={60} required />
        <FieldError state={state} name="scheme.name" />
      </label>
      {groups.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          <div className="form-grid">
            {group.fields.map((field) => (
              <label key={field.path}>
                {field.label}
                {field.choices ? (
                  <select name={field.path} defaultValue={field.value}>
                    {field.choices.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input type="number" name={field.path} defaultValue={field.value} step="any" min="0" required />
                )}
                {field.hint && <span className="muted small">{field.hint}</span>}
                <FieldError state={state} name={`scheme.${field.path}`} />
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <SubmitButton pending={pending}>保存考核办法</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function ReplaceSchemeForm({ year, version, shipped }: { year: number; version: number; shipped: string[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(replaceSchemeAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="panel stack" aria-label="导入考核办法">
      <h2>套用或导入</h2>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <div className="form-grid">
        <label>
          系统预置
          <select name="shipped" defaultValue="">
            <option value="">（不套用）</option>
            {shipped.map((name, index) => (
              <option key={name} value={index}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          或导入文件（.json）
          <input type="file" name="file" accept=".json,application/json" />
          <FieldError state={state} name="file" />
        </label>
      </div>
      <div className="actions">
        <SubmitButton pending={pending}>替换考核办法</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
