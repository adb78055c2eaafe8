import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { ROLE_LABELS } from '@/lib/server/auth/permissions';
import { getTaskStatusCounts } from '@/lib/server/tasks/get-task-status-counts';
import { TASK_STATUS_LABELS, TASK_STATUSES } from '@/lib/workflow/task-status';

export const metadata: Metadata = { title: '首页' };

const HOME_TITLES = { ADMIN: '督查工作台', LEADER: '领导驾驶舱', UNIT_HEAD: '本单位任务', UNIT_STAFF: '本单位任务' } as const;

export default async function HomePage() {
  const user = await requireUser();
  const summary = await getTaskStatusCounts({ user });
  return (
    <>
      <div className="page-head">
        <h1>{HOME_TITLES[user.role]}</h1>
        <span className="muted">
          {user.name} · {ROLE_LABELS[user.role]}
        </span>
      </div>
      <div className="stats">
        <div className="stat">
          <div className="value">{summary.total}</div>
          <div className="label">任务总数</div>
        </div>
        <div className="stat red">
          <div className="value">{summary.overdue}</div>
          <div className="label">已逾期</div>
        </div>
        {TASK_STATUSES.map((status) => (
          <div className="stat" key={status}>
            <div className="value">{summary.counts[status] ?? 0}</div>
            <div className="label">{TASK_STATUS_LABELS[status]}</div>
          </div>
        ))}
      </div>
    </>
  );
}
