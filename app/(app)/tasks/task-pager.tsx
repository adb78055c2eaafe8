import Link from 'next/link';
import { taskListQuery, type TaskListParams } from '@/lib/core/schemas/task-list';

function href(params: TaskListParams, page: number) {
  const query = taskListQuery(params, { page });
  return query ? `/tasks?${query}` : '/tasks';
}

export function TaskPager({ params, total }: { params: TaskListParams; total: number }) {
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const { page } = params;
  return (
    <nav className="pager" aria-label="分页">
      <span className="muted" data-testid="task-total">
        共 {total} 条 · 第 {page} / {pages} 页
      </span>
      {page > 1 ? (
        <Link className="button secondary" href={href(params, Math.min(page - 1, pages))} rel="prev">
          上一页
        </Link>
      ) : null}
      {page < pages ? (
        <Link className="button secondary" href={href(params, page + 1)} rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
