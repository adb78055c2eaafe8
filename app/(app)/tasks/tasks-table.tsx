'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { LightBadge, StatusBadge } from '@/app/_components/badges';
import { TASK_LIST_SORTS, taskListQuery, type TaskListParams, type TaskListSort } from '@/lib/core/schemas/task-list';
import type { TaskListRow } from '@/lib/server/tasks/list-tasks';
import styles from './tasks.module.css';

function isSortKey(id: string): id is TaskListSort {
  return (TASK_LIST_SORTS as readonly string[]).includes(id);
}

const percent = (value: number) => `${Math.round(value)}%`;

// Columns with an accessor and a sort-key id sort on the server; the others are display-only.
const COLUMNS: ColumnDef<TaskListRow>[] = [
  { id: 'code', accessorKey: 'code', header: '编号', cell: ({ row }) => <span className={styles.code}>{row.original.code}</span> },
  {
    id: 'title',
    accessorKey: 'title',
    header: '重点任务',
    cell: ({ row }) => (
      <div className={styles.title}>
        <Link href={`/tasks/${row.original.id}`}>{row.original.title}</Link>
        {row.original.targets.length > 0 && <span className={styles.targets}>目标：{row.original.targets.join('；')}</span>}
      </div>
    ),
  },
  { id: 'leadUnit', accessorKey: 'leadUnit', header: '牵头单位', cell: ({ row }) => <span className={styles.nowrap}>{row.original.leadUnit}</span> },
  { id: 'coUnits', header: '配合单位', cell: ({ row }) => row.original.coUnits.join('、') || '—' },
  { id: 'leaders', header: '牵头领导', cell: ({ row }) => row.original.leaders.join('、') || '—' },
  { id: 'deadline', accessorKey: 'deadline', header: '完成时限', cell: ({ row }) => <span className={styles.nowrap}>{row.original.deadline}</span> },
  {
    id: 'progress',
    accessorKey: 'progressPercent',
    header: '序时/实际进度',
    cell: ({ row }) => (
      <span className={styles.nowrap} title={`序时进度 ${row.original.expectedPercent}%，实际进度 ${row.original.progressPercent}%`}>
        {percent(row.original.expectedPercent)} / {percent(row.original.progressPercent)}
      </span>
    ),
  },
  { id: 'light', header: '三色', cell: ({ row }) => <LightBadge light={row.original.light} /> },
  { id: 'status', accessorKey: 'status', header: '状态', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
];

/** A checkbox per row for 批量催办; the boxes belong to the form below the table (BulkUrgeForm). */
const SELECT_COLUMN: ColumnDef<TaskListRow> = {
  id: 'select',
  header: () => (
    <input
      type="checkbox"
      aria-label="全选本页"
      onChange={(event) => {
        const checked = event.currentTarget.checked;
        document.querySelectorAll<HTMLInputElement>('input[form="bulk-urge"][name="taskIds"]').forEach((box) => (box.checked = checked));
      }}
    />
  ),
  cell: ({ row }) => <input type="checkbox" name="taskIds" value={row.original.id} form="bulk-urge" aria-label={`选择 ${row.original.code}`} />,
};

/**
 * The task list as a TanStack table in manual mode: the server has already filtered, sorted and
 * paged the rows; clicking a sortable header changes `sort`/`dir` in the URL.
 */
export function TasksTable({ rows, params, selectable = false }: { rows: TaskListRow[]; params: TaskListParams; selectable?: boolean }) {
  const router = useRouter();
  const sorting: SortingState = [{ id: params.sort, desc: params.dir === 'desc' }];

  function onSortingChange(updater: Updater<SortingState>) {
    const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
    if (!next || !isSortKey(next.id)) return;
    const query = taskListQuery(params, { sort: next.id, dir: next.desc ? 'desc' : 'asc' });
    router.push(query ? `/tasks?${query}` : '/tasks');
  }

  const table = useReactTable({
    data: rows,
    columns: selectable ? [SELECT_COLUMN, ...COLUMNS] : COLUMNS,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
  });

  return (
    <div className="table-wrap">
      <table className={styles.table} data-testid="task-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = isSortKey(header.column.id) && header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {sortable ? (
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span className={styles.sortMark} aria-hidden>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-task-code={row.original.code}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} data-col={cell.column.id} data-label={typeof cell.column.columnDef.header === 'string' ? cell.column.columnDef.header : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + (selectable ? 1 : 0)} className={styles.empty}>
                没有符合条件的任务
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
