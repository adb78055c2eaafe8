import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { listTaskChoices } from '@/lib/server/tasks/list-task-choices';
import { parseTaskListParams, taskListQuery, type TaskListSearch } from '@/lib/core/schemas/task-list';
import { TaskFilters } from './task-filters';
import { TasksTable } from './tasks-table';
import { TaskPager } from './task-pager';
import { BulkUrgeForm } from './bulk-urge-form';

export const metadata: Metadata = { title: '任务台账' };

export default async function TasksPage({ searchParams }: { searchParams: Promise<TaskListSearch> }) {
  const user = await requireUser();
  const params = parseTaskListParams(await searchParams);
  const [list, choices] = await Promise.all([listTasks({ user, params }), listTaskChoices({ user })]);
  const exportQuery = taskListQuery(params);
  const mayUrge = can(user, 'supervision.urge');
  return (
    <>
      <div className="page-head">
        <h1>任务台账</h1>
        <div className="actions">
          <a className="button secondary" href={`/api/tasks/export${exportQuery ? `?${exportQuery}` : ''}`}>
            导出台账
          </a>
          {can(user, 'task.create') && (
            <Link className="button" href="/tasks/new">
              新建任务
            </Link>
          )}
        </div>
      </div>
      <TaskFilters params={params} choices={choices} />
      <TasksTable rows={list.rows} params={params} selectable={mayUrge} />
      <TaskPager params={params} total={list.total} />
      {mayUrge && list.rows.length > 0 && <BulkUrgeForm />}
    </>
  );
}
