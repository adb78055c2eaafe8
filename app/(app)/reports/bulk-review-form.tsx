'use client';

import Link from 'next/link';
import { useRef } from 'react';
import { FieldError, FormMessage, SubmitButton } from '@/app/_components/form-feedback';
import { useKeptForm } from '@/app/_components/use-kept-form';
import { reviewReportsAction } from './actions';

export type PendingReportItem = {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  unit: string;
  author: string | null;
  period: string;
  percent: number;
  narrative: string;
  closureRequest: boolean;
  attachmentCount: number;
  at: string;
};

/** Pending reports with a checkbox each: 通过所选, or 退回所选 with one reason. Closure requests are decided on their task page. */
export function BulkReviewForm({ rows }: { rows: PendingReportItem[] }) {
  const { state, pending, ref, onSubmit } = useKeptForm(reviewReportsAction);
  const selectAll = useRef<HTMLInputElement>(null);
  const toggleAll = (checked: boolean) => {
    ref.current?.querySelectorAll<HTMLInputElement>('input[name="reportIds"]').forEach((box) => (box.checked = checked));
  };
  return (
    <form ref={ref} onSubmit={onSubmit} aria-label="批量审核" noValidate>
      <div className="panel table-wrap">
        <table className="cards" data-testid="pending-reports">
          <thead>
            <tr>
              <th scope="col">
                <input ref={selectAll} type="checkbox" aria-label="全选" onChange={(event) => toggleAll(event.currentTarget.checked)} />
              </th>
              <th scope="col">任务</th>
              <th scope="col">单位</th>
              <th scope="col">期次</th>
              <th scope="col">自报</th>
              <th scope="col">工作进展</th>
              <th scope="col">报送时间</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-report={row.id}>
                <td>
                  {row.closureRequest ? (
                    <Link href={`/tasks/${row.taskId}`} className="small">
                      销号申请，逐项审核
                    </Link>
                  ) : (
                    <input type="checkbox" name="reportIds" value={row.id} aria-label={`选择 ${row.taskCode} ${row.unit}的报告`} />
                  )}
                </td>
                <td data-label="任务" className="title-cell">
                  <Link href={`/tasks/${row.taskId}`}>
                    {row.taskCode} {row.taskTitle}
                  </Link>
                </td>
                <td data-label="单位">
                  {row.unit} {row.author}
                </td>
                <td data-label="期次">{row.period}</td>
                <td data-label="自报">{row.percent}%</td>
                <td data-label="工作进展">
                  {row.narrative}
                  {row.attachmentCount > 0 && <span className="muted small"> · 附件 {row.attachmentCount} 个</span>}
                </td>
                <td data-label="报送时间" className="small">
                  {row.at}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel stack">
        <FieldError state={state} name="reportIds" />
        <label>
          退回理由（退回时必填，所选报告共用）
          <textarea name="reason" maxLength={1000} rows={2} />
          <FieldError state={state} name="reason" />
        </label>
        <div className="actions">
          <SubmitButton pending={pending} name="decision" value="accept">
            通过所选
          </SubmitButton>
          <SubmitButton pending={pending} name="decision" value="return" className="danger">
            退回所选
          </SubmitButton>
        </div>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
