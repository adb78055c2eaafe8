'use client';

import { useState } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { ATTACHMENT_ACCEPT, ATTACHMENT_RULES_TEXT, checkAttachmentSelection } from '@/lib/core/attachments/policy';
import { TASK_ACTION_LABELS, type DirectTaskAction } from '@/lib/core/workflow/task-status';
import { decideExtensionAction, fileReportAction, requestExtensionAction, reviewReportAction, transitionTaskAction } from './actions';
import styles from './task-page.module.css';

/** 签收 / 开始办理 (one click), 重新办理 / 退回 / 同意销号 (office; a reason where the state machine wants one). */
export function TransitionForm({ taskId, version, action, needsReason }: { taskId: string; version: number; action: DirectTaskAction; needsReason: boolean }) {
  const { state, pending, ref, onSubmit } = useKeptForm(transitionTaskAction);
  const label = TASK_ACTION_LABELS[action];
  return (
    <form ref={ref} className={needsReason ? 'stack' : styles.inlineForm} onSubmit={onSubmit} aria-label={label} noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      {needsReason && (
        <label>
          {label}理由
          <textarea name="reason" maxLength={1000} required />
          <FieldError state={state} name="reason" />
        </label>
      )}
      <div className="actions">
        <SubmitButton pending={pending} className={action === 'returnToProgress' ? 'danger' : undefined}>
          {label}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export type ReportTarget = { id: string; metric: string; unit: string; actual: number | null };

/** The report's attachments are checked in the browser first, so a 50 MB mistake is not uploaded at all. */
function refuseOversizedFiles(form: FormData) {
  const files = form.getAll('files').filter((value): value is File => value instanceof File && value.name !== '');
  const message = checkAttachmentSelection(files);
  return message ? { ok: false, message, fieldErrors: { files: [message] } } : null;
}

/** 进度报送: narrative, percent, the actual of each target, attachments, and (lead unit) 申请销号. */
export function ReportForm({
  taskId,
  version,
  targets,
  periods,
  milestone,
  canRequestClosure,
}: {
  taskId: string;
  version: number;
  targets: ReportTarget[];
  periods: { key: string; label: string }[];
  milestone: boolean;
  canRequestClosure: boolean;
}) {
  const { state, pending, ref, onSubmit } = useKeptForm(fileReportAction, refuseOversizedFiles);
  const [closing, setClosing] = useState(false);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="进度报送" encType="multipart/form-data" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      {milestone ? (
        <label>
          节点名称（可选）
          <input name="periodKey" maxLength={40} placeholder="如：主体完工" />
          <FieldError state={state} name="periodKey" />
        </label>
      ) : (
        <label>
          报送期次
          <select name="periodKey" defaultValue={periods[0]?.key}>
            {periods.map((period, index) => (
              <option key={period.key} value={period.key}>
                {period.label}
                {index > 0 ? '（补报）' : ''}
              </option>
            ))}
          </select>
          <FieldError state={state} name="periodKey" />
        </label>
      )}
      <label>
        工作进展
        <textarea name="narrative" maxLength={5000} required placeholder="本期完成情况、存在问题、下步打算" />
        <FieldError state={state} name="narrative" />
      </label>
      <label className={styles.narrow}>
        完成百分比（%）
        <input name="percent" type="number" inputMode="numeric" min={0} max={100} step={1} required />
        <FieldError state={state} name="percent" />
      </label>
      {targets.map((target) => (
        <label key={target.id}>
          {target.metric} 实际值{target.unit ? `（${target.unit}）` : ''}
          <input
            name={`actual:${target.id}`}
            inputMode="decimal"
            placeholder={target.actual === null ? '未填报' : `上次：${target.actual}`}
            className={styles.narrow}
          />
        </label>
      ))}
      <FieldError state={state} name="targetActuals" />
      <label>
        附件
        <input name="files" type="file" multiple accept={ATTACHMENT_ACCEPT} />
        <span className="small muted">{ATTACHMENT_RULES_TEXT}</span>
        <FieldError state={state} name="files" />
      </label>
      {canRequestClosure && (
        <label className={styles.check}>
          <input type="checkbox" name="closureRequest" onChange={(event) => setClosing(event.target.checked)} />
          申请销号（任务已完成，以本次报告及附件作为佐证材料）
        </label>
      )}
      <div className="actions">
        <SubmitButton pending={pending}>{closing ? '提交销号申请' : '提交报告'}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** The office's review of one pending report; on a closure request the buttons close or return the task. */
export function ReviewReportForm({ taskId, reportId, version, closureRequest }: { taskId: string; reportId: string; version: number; closureRequest: boolean }) {
  const { state, pending, ref, onSubmit } = useKeptForm(reviewReportAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label={closureRequest ? '审核销号申请' : '审核进度报告'} noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="closureRequest" value={String(closureRequest)} />
      <label>
        审核意见（退回时必填）
        <textarea name="reason" maxLength={1000} className={styles.shortText} />
        <FieldError state={state} name="reason" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending} name="decision" value="accept">
          {closureRequest ? '同意销号' : '通过'}
        </SubmitButton>
        <SubmitButton pending={pending} name="decision" value="return" className="danger">
          退回
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** 延期申请 by the lead unit. */
export function ExtensionRequestForm({ taskId, minDate }: { taskId: string; minDate: string }) {
  const { state, pending, ref, onSubmit } = useKeptForm(requestExtensionAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="延期申请" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <label className={styles.narrow}>
        申请延至
        <input name="requestedDeadline" type="date" min={minDate} required />
        <FieldError state={state} name="requestedDeadline" />
      </label>
      <label>
        延期理由
        <textarea name="reason" maxLength={1000} required className={styles.shortText} />
        <FieldError state={state} name="reason" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending} className="secondary">
          提交延期申请
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** The office approves or rejects a pending extension request. */
export function ExtensionDecisionForm({ taskId, extensionId, version }: { taskId: string; extensionId: string; version: number }) {
  const { state, pending, ref, onSubmit } = useKeptForm(decideExtensionAction);
  return (
    <form ref={ref} className="stack" onSubmit={onSubmit} aria-label="审批延期" noValidate>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="extensionId" value={extensionId} />
      <input type="hidden" name="version" value={version} />
      <label>
        审批意见（驳回时必填）
        <textarea name="reason" maxLength={1000} className={styles.shortText} />
        <FieldError state={state} name="reason" />
      </label>
      <div className="actions">
        <SubmitButton pending={pending} name="decision" value="approve">
          批准延期
        </SubmitButton>
        <SubmitButton pending={pending} name="decision" value="reject" className="danger">
          驳回
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
