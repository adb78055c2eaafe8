import Link from 'next/link';
import { LightBadge, StatusBadge } from '@/app/_components/badges';
import { InstructionToggle } from '@/app/_components/supervision-forms';
import { URGENT_TASKS_PAGE_SIZE, type UrgentTaskRow } from '@/lib/server/dashboard/list-urgent-tasks';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';

function deadlineNote(daysLeft: number) {
  if (daysLeft < 0) return <span className="badge red">逾期{-daysLeft}天</span>;
  if (daysLeft === 0) return <span className="badge yellow">今天到期</span>;
  return <span className="muted small">剩{daysLeft}天</span>;
}

/** The home page's task table, most urgent first; `instruct` adds the leader's 批示 button to each row. */
export function UrgentTasks({
  rows,
  total,
  page,
  focus,
  instruct = false,
  showRole = false,
}: {
  rows: UrgentTaskRow[];
  total: number;
  page: number;
  focus: UrgentFocus;
  instruct?: boolean;
  showRole?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / URGENT_TASKS_PAGE_SIZE));
  const href = (target: number) => `/?${new URLSearchParams({ focus, page: String(target) })}`;
  if (rows.length === 0) return <p className="muted">没有符合条件的任务。</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="cards" aria-label="任务列表">
          <thead>
            <tr>
              <th>任务</th>
              <th>牵头单位</th>
              {showRole && <th>本单位</th>}
              <th>完成时限</th>
              <th>三色</th>
              <th>进度</th>
              <th>状态</th>
              {instruct && <th>批示</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="urgent-task">
                <td className="title-cell">
                  <Link href={`/tasks/${row.id}`}>{row.title}</Link>
                  <div className="muted small">{row.code}</div>
                </td>
                <td data-label="牵头单位">{row.leadUnit}</td>
                {showRole && <td data-label="本单位">{row.isLeadUnit ? '牵头' : '配合'}</td>}
                <td data-label="完成时限">
                  {row.deadline} {row.light !== 'done' && deadlineNote(row.daysLeft)}
                </td>
                <td data-label="三色">
                  <LightBadge light={row.light} />
                </td>
                <td data-label="进度" className="small">
                  {Math.round(row.progressPercent)}% / 序时{Math.round(row.expectedPercent)}%
                </td>
                <td data-label="状态">
                  <StatusBadge status={row.status} />
                </td>
                {instruct && (
                  <td data-label="批示">
                    <InstructionToggle taskId={row.id} taskTitle={row.title} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="分页">
          {page > 1 && <Link href={href(page - 1)}>上一页</Link>}
          <span>
            第 {page} / {pages} 页，共 {total} 项
          </span>
          {page < pages && <Link href={href(page + 1)}>下一页</Link>}
        </nav>
      )}
    </>
  );
}
