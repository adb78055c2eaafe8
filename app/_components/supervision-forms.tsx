'use client';

import { useState } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { respondToSupervisionAction, superviseTaskAction } from '@/app/(app)/tasks/[id]/supervision-actions';
import { SUPERVISION_KIND_LABELS, type SupervisionKind } from '@/lib/core/schemas/supervision';

/** 催办 / 督办 / 批示 on the task page; `kinds` are the ones the user may send. */
export function SupervisionForm({ taskId, kinds, today }: { taskId: string; kinds: SupervisionKind[]; today: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(superviseTaskAction);
  const [kind, setKind] = useState<SupervisionKind>(kinds[0] ?? 'URGE');
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="督办操作" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <FormMessage state={state} />
      <label>
        类型
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as SupervisionKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {SUPERVISION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        内容
        <textarea name="text" required maxLength={2000} placeholder={kind === 'INSTRUCTION' ? '请输入批示意见' : '请输入督促事项'} />
        <FieldError state={state} name="text" />
      </label>
      {kind === 'SUPERVISE' && (
        <label>
          答复期限
          <input name="responseDue" type="date" min={today} required />
          <FieldError state={state} name="responseDue" />
        </label>
      )}
      <div className="actions">
        <SubmitButton pending={pending}>发送{SUPERVISION_KIND_LABELS[kind]}</SubmitButton>
      </div>
    </form>
  );
}

/** The dashboard's 批示 in two clicks: the button opens the form with the cursor in it; the second click sends. */
export function InstructionToggle({ taskId, taskTitle }: { taskId: string; taskTitle: string }) {
  const [open, setOpen] = useState(false);
  const { state, pending, ref, onSubmit } = useKeptForm(superviseTaskAction);
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={`批示：${taskTitle}`}>
        批示
      </button>
    );
  }
  return (
    <form ref={ref} className="stack instruct-form" onSubmit={onSubmit} aria-label={`批示：${taskTitle}`} noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="kind" value="INSTRUCTION" />
      <FormMessage state={state} />
      <textarea name="text" required maxLength={2000} autoFocus aria-label="批示内容" placeholder="请输入批示意见" />
      <FieldError state={state} name="text" />
      <div className="actions">
        <SubmitButton pending={pending}>发送批示</SubmitButton>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          收起
        </button>
      </div>
    </form>
  );
}

/** The recipient unit's answer to an open 督办. */
export function RespondForm({ supervisionId, taskId }: { supervisionId: string; taskId: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(respondToSupervisionAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="答复督办" noValidate>
      <input type="hidden" name="supervisionId" value={supervisionId} />
      <input type="hidden" name="taskId" value={taskId} />
      <FormMessage state={state} />
      <label>
        答复内容
        <textarea name="response" required maxLength={2000} />
        <FieldError state={state} name="response" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending}>提交答复</SubmitButton>
      </div>
    </form>
  );
}
