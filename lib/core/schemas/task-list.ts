import { z } from 'zod';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';
import { TASK_STATUSES } from '@/lib/core/workflow/task-status';

export const TASK_LIST_SORTS = ['deadline', 'code', 'title', 'status', 'progress', 'leadUnit', 'updatedAt'] as const;
export type TaskListSort = (typeof TASK_LIST_SORTS)[number];

export const TASK_LIST_PAGE_SIZES = [20, 50, 100] as const;
export const TASK_LIGHT_FILTERS = ['red', 'yellow', 'green', 'done'] as const;
export const TASK_SEARCH_MAX_LENGTH = 100;

/** A URL may repeat a key (?status=A&status=B); single-valued params take the first value. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const single = first(value);
  return typeof single === 'string' && single.trim() === '' ? undefined : single;
};

const optionalId = z.preprocess(blankToUndefined, idSchema.optional()).catch(undefined);
const optionalDate = z.preprocess(blankToUndefined, isoDateSchema.optional()).catch(undefined);

/** Repeated keys or a comma list; unknown statuses are dropped, duplicates removed, order kept canonical. */
const statusList = z.preprocess((value) => {
  const raw = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return TASK_STATUSES.filter((status) => raw.includes(status));
}, z.array(z.enum(TASK_STATUSES)));

/**
 * The task list's URL parameters. Every field falls back to its default when the value is bad, so
 * an edited or stale link still shows a list instead of an error.
 */
export const taskListParamsSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  pageSize: z
    .preprocess(first, z.coerce.number().pipe(z.union(TASK_LIST_PAGE_SIZES.map((size) => z.literal(size)))))
    .catch(20),
  sort: z.preprocess(first, z.enum(TASK_LIST_SORTS)).catch('deadline'),
  dir: z.preprocess(first, z.enum(['asc', 'desc'])).catch('asc'),
  planId: optionalId,
  /** Lead unit or co-unit. */
  unitId: optionalId,
  leaderId: optionalId,
  status: statusList.catch([]),
  light: z.preprocess(blankToUndefined, z.enum(TASK_LIGHT_FILTERS).optional()).catch(undefined),
  overdue: z.preprocess(first, z.literal('1').optional()).transform((v) => v === '1').catch(false),
  deadlineFrom: optionalDate,
  deadlineTo: optionalDate,
  /** Text search on title, code and source sentence; over-long input is cut rather than refused. */
  q: z
    .preprocess(first, z.string().optional())
    .transform((v) => v?.trim().slice(0, TASK_SEARCH_MAX_LENGTH) || undefined)
    .catch(undefined),
});

export type TaskListParams = z.infer<typeof taskListParamsSchema>;
export type TaskListSearch = Record<string, string | string[] | undefined>;

export function parseTaskListParams(search: TaskListSearch): TaskListParams {
  return taskListParamsSchema.parse(search);
}

/** URLSearchParams (route handlers) as the record a page's `searchParams` gives, keeping repeated keys. */
export function searchRecord(search: URLSearchParams): TaskListSearch {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

export const DEFAULT_TASK_LIST_PARAMS: TaskListParams = parseTaskListParams({});

// The params that only page and order the list; every other one may narrow it.
const VIEW_PARAMS: readonly (keyof TaskListParams)[] = ['page', 'pageSize', 'sort', 'dir'];

/**
 * Whether a filter other than status narrows the list. A param not known here counts as one
 * unless it is at its default, so a new filter never makes the list miscount.
 */
export function filtersBeyondStatus(params: TaskListParams): boolean {
  return (Object.keys(params) as (keyof TaskListParams)[]).some(
    (key) => key !== 'status' && !VIEW_PARAMS.includes(key) && JSON.stringify(params[key]) !== JSON.stringify(DEFAULT_TASK_LIST_PARAMS[key]),
  );
}

/**
 * The query string for `params` with `changes` applied, leaving out defaults so links stay short.
 * Changing anything but the page goes back to page 1.
 */
export function taskListQuery(params: TaskListParams, changes: Partial<TaskListParams> = {}): string {
  const next: TaskListParams = { ...params, ...(('page' in changes) ? {} : { page: 1 }), ...changes };
  const query = new URLSearchParams();
  const scalar = ['q', 'planId', 'unitId', 'leaderId', 'light', 'deadlineFrom', 'deadlineTo'] as const;
  for (const key of scalar) {
    const value = next[key];
    if (value !== undefined) query.set(key, value);
  }
  for (const status of next.status) query.append('status', status);
  if (next.overdue) query.set('overdue', '1');
  if (next.sort !== DEFAULT_TASK_LIST_PARAMS.sort) query.set('sort', next.sort);
  if (next.dir !== DEFAULT_TASK_LIST_PARAMS.dir) query.set('dir', next.dir);
  if (next.pageSize !== DEFAULT_TASK_LIST_PARAMS.pageSize) query.set('pageSize', String(next.pageSize));
  if (next.page !== 1) query.set('page', String(next.page));
  return query.toString();
}
