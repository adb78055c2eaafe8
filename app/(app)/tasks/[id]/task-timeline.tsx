import type { TimelineEntry, TimelineReport } from '@/lib/server/tasks/list-task-timeline';
import { attachmentPreviewKind, attachmentTypeLabel, formatFileSize } from '@/lib/core/attachments/policy';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { isoFromDate } from '@/lib/core/schemas/common';
import { SUPERVISION_KIND_LABELS } from '@/lib/core/schemas/supervision';
import { periodLabel } from '@/lib/core/schedule/cadence';
import { auditActionLabel } from '@/lib/core/audit/actions';
import { PdfPreview } from './attachment-preview';
import styles from './task-page.module.css';

const REVIEW_BADGES = {
  PENDING: { tone: 'yellow', label: '待审核' },
  ACCEPTED: { tone: 'green', label: '已通过' },
  RETURNED: { tone: 'red', label: '已退回' },
} as const;

const EXTENSION_BADGES = {
  PENDING: { tone: 'yellow', label: '待审批' },
  APPROVED: { tone: 'green', label: '已批准' },
  REJECTED: { tone: 'red', label: '已驳回' },
} as const;

const when = (at: Date) => <span className="muted small">{formatShanghaiDateTime(at)}</span>;

/** A report's figures, narrative, attachments and review; used in the timeline and the office's review list. */
export function ReportSummary({ report, targetNames }: { report: TimelineReport; targetNames: Map<string, { metric: string; unit: string }> }) {
  const review = REVIEW_BADGES[report.reviewState];
  return (
    <>
      <div className={styles.entryHead}>
        <strong>{report.closureRequest ? '申请销号' : '进度报送'}</strong>
        <span>
          {report.unit.shortName} {report.author?.name}
        </span>
        <span className="badge">{periodLabel(report.periodKey)}</span>
        <span className="badge" title="单位报送时自报的完成比例">自报 {report.percent}%</span>
        <span className={`badge ${review.tone}`}>{review.label}</span>
        {when(report.at)}
      </div>
      <p className={styles.narrative}>{report.narrative}</p>
      {report.targetActuals.length > 0 && (
        <ul className="small">
          {report.targetActuals.map((t) => {
            const target = targetNames.get(t.targetId);
            return (
              <li key={t.targetId}>
                {target?.metric ?? '指标'}：实际 {t.actual}
                {target?.unit}
              </li>
            );
          })}
        </ul>
      )}
      {report.attachments.length > 0 && (
        <ul className={styles.files} aria-label="附件">
          {report.attachments.map((a) => {
            const url = `/api/attachments/${report.id}/${a.storedName}`;
            const preview = attachmentPreviewKind(a.type);
            return (
              <li key={a.storedName}>
                <span className={styles.fileName}>📎 {a.name}</span>{' '}
                <span className="muted small">
                  {attachmentTypeLabel(a.type)} · {formatFileSize(a.size)}
                </span>{' '}
                <a href={url} download={a.name} aria-label={`下载 ${a.name}`} className="small">
                  下载
                </a>{' '}
                {preview === 'pdf' && <PdfPreview url={`${url}?inline=1`} name={a.name} />}
                {preview === 'image' && (
                  // Not a second link: the file has one, its 下载.
                  <span className={styles.imageBox}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private attachment, not an optimisable asset */}
                    <img src={`${url}?inline=1`} alt={a.name} className={styles.imagePreview} loading="lazy" />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {report.reviewState !== 'PENDING' && (
        <div className="small">
          {report.reviewedBy?.name} {review.label}
          {report.reviewReason ? `：${report.reviewReason}` : ''} {report.reviewedAt && when(report.reviewedAt)}
        </div>
      )}
    </>
  );
}

function Entry({ entry, targetNames }: { entry: TimelineEntry; targetNames: Map<string, { metric: string; unit: string }> }) {
  switch (entry.kind) {
    case 'report':
      return <ReportSummary report={entry} targetNames={targetNames} />;
    case 'supervision':
      return (
        <>
          <div className={styles.entryHead}>
            <span className={`badge ${entry.type === 'SUPERVISE' ? 'red' : 'yellow'}`}>{SUPERVISION_KIND_LABELS[entry.type]}</span>
            <span>
              {entry.author?.name}
              {entry.recipientUnit ? ` → ${entry.recipientUnit.shortName}` : ''}
            </span>
            {when(entry.at)}
          </div>
          <p className={styles.narrative}>{entry.text}</p>
          {entry.responseDue && <div className="small muted">答复期限：{isoFromDate(entry.responseDue)}</div>}
          {entry.response && (
            <div className="small">
              {entry.responder?.name} 答复：{entry.response} {entry.respondedAt && when(entry.respondedAt)}
            </div>
          )}
        </>
      );
    case 'extension': {
      const badge = EXTENSION_BADGES[entry.decision];
      return (
        <>
          <div className={styles.entryHead}>
            <strong>延期申请</strong>
            <span>{entry.requester?.name}</span>
            <span>
              {isoFromDate(entry.previousDeadline)} → {isoFromDate(entry.requestedDeadline)}
            </span>
            <span className={`badge ${badge.tone}`}>{badge.label}</span>
            {when(entry.at)}
          </div>
          <p className={styles.narrative}>{entry.reason}</p>
          {entry.decision !== 'PENDING' && (
            <div className="small">
              {entry.decider?.name} {badge.label}
              {entry.decisionReason ? `：${entry.decisionReason}` : ''} {entry.decidedAt && when(entry.decidedAt)}
            </div>
          )}
        </>
      );
    }
    case 'audit':
      return (
        <div className={styles.entryHead}>
          <strong>{auditActionLabel(entry.action)}</strong>
          <span>{entry.actor?.name ?? '系统'}</span>
          {entry.reason && <span>理由：{entry.reason}</span>}
          {when(entry.at)}
        </div>
      );
  }
}

export function TaskTimeline({ entries, targetNames }: { entries: TimelineEntry[]; targetNames: Map<string, { metric: string; unit: string }> }) {
  if (entries.length === 0) return <p className="muted">暂无记录。</p>;
  return (
    <ol className="timeline" aria-label="办理记录">
      {entries.map((entry) => (
        <li key={`${entry.kind}:${entry.id}`} data-kind={entry.kind}>
          <Entry entry={entry} targetNames={targetNames} />
        </li>
      ))}
    </ol>
  );
}
