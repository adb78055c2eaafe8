import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { listPendingReports } from '@/lib/server/reports/list-pending-reports';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { periodLabel } from '@/lib/core/schedule/cadence';
import { BulkReviewForm } from './bulk-review-form';
import '../dashboard.css';

export const metadata: Metadata = { title: '报告审核' };

/** The office's queue of reports waiting for 审核: select several and accept, or return with one reason. */
export default async function ReportsPage() {
  const user = await requireUser();
  if (!can(user, 'report.review')) notFound();
  const { rows, total } = await listPendingReports({ user });
  return (
    <>
      <div className="page-head">
        <h1>报告审核</h1>
        <span className="muted">待审核 {total} 份{total > rows.length ? `（显示最早的 ${rows.length} 份）` : ''}</span>
      </div>
      {rows.length === 0 ? (
        <p className="panel muted">没有待审核的报告。</p>
      ) : (
        <BulkReviewForm
          rows={rows.map((r) => ({
            id: r.id,
            taskId: r.task.id,
            taskCode: r.task.code,
            taskTitle: r.task.title,
            unit: r.unit,
            author: r.author,
            period: periodLabel(r.periodKey),
            percent: r.percent,
            narrative: r.narrative.length > 120 ? `${r.narrative.slice(0, 120)}…` : r.narrative,
            closureRequest: r.closureRequest,
            attachmentCount: r.attachmentCount,
            at: formatShanghaiDateTime(r.at),
          }))}
        />
      )}
    </>
  );
}
