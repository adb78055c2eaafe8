import Link from 'next/link';
import { UNIT_TARGETS_SHOWN, type UnitDashboard } from '@/lib/server/dashboard/get-unit-dashboard';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { unreadBadgeText } from '@/lib/core/notify/unread-badge';
import { periodLabel } from '@/lib/core/schedule/cadence';
import { HomeStats } from './home-stats';
import { UrgentTasks } from './urgent-tasks';
import { TargetAchievementChart } from '@/app/_components/target-achievement-chart';

/** 本单位任务: what is due, what was returned, what is new, then all open tasks (lead or co-unit). */
export function UnitHome({ data, focus, page }: { data: UnitDashboard; focus: UrgentFocus; page: number }) {
  return (
    <>
      <HomeStats counts={data.counts} />
      {data.targets.length > 0 && (
        <section className="panel" aria-label="目标完成情况">
          <h2>目标完成情况</h2>
          <TargetAchievementChart
            label="本单位牵头在办任务的目标完成情况"
            rows={data.targets.map((t) => ({ ...t, name: `${t.taskCode} ${t.metric}` }))}
          />
          <p className="muted small">本单位牵头、在办任务的量化指标（完成时限近的在前，最多 {UNIT_TARGETS_SHOWN} 项）；实际值占目标的比例。</p>
        </section>
      )}
      <div className="grid">
        <section className="panel queue" aria-label="本周到期">
          <h2>
            本周到期 <span className={`count${data.dueThisWeek.length === 0 ? ' zero' : ''}`}>{data.dueThisWeek.length}</span>
          </h2>
          {data.dueThisWeek.length === 0 ? (
            <p className="muted">本周没有到期任务。</p>
          ) : (
            <ul>
              {data.dueThisWeek.map((task) => (
                <li key={task.id}>
                  <Link href={`/tasks/${task.id}`}>{task.title}</Link>
                  <div className="small">
                    {task.deadline} {task.daysLeft < 0 ? <span className="badge red">逾期{-task.daysLeft}天</span> : task.daysLeft === 0 ? <span className="badge yellow">今天到期</span> : <span className="muted">剩{task.daysLeft}天</span>}
                    <span className="muted"> · {task.isLeadUnit ? '牵头' : '配合'}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel queue" aria-label="被退回的进度">
          <h2>
            被退回的进度 <span className={`count${data.returned.length === 0 ? ' zero' : ''}`}>{data.returned.length}</span>
          </h2>
          {data.returned.length === 0 ? (
            <p className="muted">没有被退回的进度报告。</p>
          ) : (
            <ul>
              {data.returned.map((report) => (
                <li key={report.id}>
                  <Link href={`/tasks/${report.taskId}`}>{report.title}</Link>
                  <div className="small">
                    {periodLabel(report.periodKey)}
                    {report.reviewReason ? `：${report.reviewReason}` : ''}
                    {report.reviewedAt && <span className="muted"> · {formatShanghaiDateTime(report.reviewedAt)}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel queue" aria-label="未读通知">
          <h2>
            未读通知 <span className={`count${data.notifications.total === 0 ? ' zero' : ''}`}>{unreadBadgeText(data.notifications.total)}</span>
          </h2>
          {data.notifications.rows.length === 0 ? (
            <p className="muted">没有未读通知。</p>
          ) : (
            <ul>
              {data.notifications.rows.map((n) => (
                <li key={n.id}>
                  {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
                  <div className="muted small">{formatShanghaiDateTime(n.createdAt)}</div>
                </li>
              ))}
            </ul>
          )}
          <p className="small">
            <Link href="/notifications">全部通知</Link>
          </p>
        </section>
      </div>
      <section className="panel" aria-label="本单位在办任务">
        <h2>在办任务</h2>
        <UrgentTasks rows={data.tasks.rows} total={data.tasks.total} page={page} focus={focus} showRole />
      </section>
    </>
  );
}
