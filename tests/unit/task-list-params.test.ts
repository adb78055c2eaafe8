import { describe, expect, test } from 'vitest';
import { DEFAULT_TASK_LIST_PARAMS, filtersBeyondStatus, parseTaskListParams, searchRecord, taskListQuery, type TaskListParams } from '@/lib/core/schemas/task-list';

describe('task list URL parameters', () => {
  test('an empty query gives the defaults', () => {
    expect(parseTaskListParams({})).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'deadline',
      dir: 'asc',
      planId: undefined,
      unitId: undefined,
      leaderId: undefined,
      status: [],
      light: undefined,
      overdue: false,
      deadlineFrom: undefined,
      deadlineTo: undefined,
      q: undefined,
    });
  });

  test('valid values are kept and typed', () => {
    const params = parseTaskListParams({
      page: '3',
      pageSize: '50',
      sort: 'leadUnit',
      dir: 'desc',
      planId: 'p1',
      unitId: 'u1',
      leaderId: 'l1',
      status: ['IN_PROGRESS', 'ASSIGNED'],
      light: 'red',
      overdue: '1',
      deadlineFrom: '2024-01-01',
      deadlineTo: '2024-06-30',
      q: '  项目  ',
    });
    expect(params).toEqual({
      page: 3,
      pageSize: 50,
      sort: 'leadUnit',
      dir: 'desc',
      planId: 'p1',
      unitId: 'u1',
      leaderId: 'l1',
      status: ['ASSIGNED', 'IN_PROGRESS'],
      light: 'red',
      overdue: true,
      deadlineFrom: '2024-01-01',
      deadlineTo: '2024-06-30',
      q: '项目',
    });
  });

  test('sort keys outside the whitelist fall back to the default instead of reaching SQL', () => {
    for (const sort of ['id; DROP TABLE "Task"', 'passwordHash', 'light', '']) {
      expect(parseTaskListParams({ sort }).sort).toBe('deadline');
    }
    expect(parseTaskListParams({ dir: 'sideways' }).dir).toBe('asc');
  });

  test('bad values fall back to defaults one by one, leaving the good ones', () => {
    const params = parseTaskListParams({
      page: '-2',
      pageSize: '30',
      light: 'purple',
      overdue: 'yes',
      deadlineFrom: '2024-02-30',
      deadlineTo: 'tomorrow',
      status: 'IN_PROGRESS,NOPE',
      unitId: '',
      q: '   ',
      leaderId: 'l1',
    });
    expect(params).toMatchObject({
      page: 1,
      pageSize: 20,
      light: undefined,
      overdue: false,
      deadlineFrom: undefined,
      deadlineTo: undefined,
      status: ['IN_PROGRESS'],
      unitId: undefined,
      q: undefined,
      leaderId: 'l1',
    });
    expect(parseTaskListParams({ page: 'abc' }).page).toBe(1);
    expect(parseTaskListParams({ page: '2.5' }).page).toBe(1);
    expect(parseTaskListParams({ pageSize: '100' }).pageSize).toBe(100);
  });

  test('a repeated single-valued key takes its first value', () => {
    expect(parseTaskListParams({ page: ['4', '9'], light: ['green', 'red'] })).toMatchObject({ page: 4, light: 'green' });
  });

  test('the search text is trimmed and cut to 100 characters', () => {
    const long = '长'.repeat(150);
    expect(parseTaskListParams({ q: ` ${long} ` }).q).toBe('长'.repeat(100));
    expect(parseTaskListParams({ q: 'x'.repeat(100) }).q).toHaveLength(100);
  });

  test('URLSearchParams keep repeated keys when turned into a record', () => {
    const record = searchRecord(new URLSearchParams('status=ASSIGNED&status=CLOSED&light=red'));
    expect(record).toEqual({ status: ['ASSIGNED', 'CLOSED'], light: 'red' });
    expect(parseTaskListParams(record).status).toEqual(['ASSIGNED', 'CLOSED']);
  });

  test('the query string leaves out defaults, resets the page on a change, and parses back to the same params', () => {
    expect(taskListQuery(DEFAULT_TASK_LIST_PARAMS)).toBe('');
    const params = parseTaskListParams({ unitId: 'u1', light: 'red', status: ['ASSIGNED', 'IN_PROGRESS'], page: '3', sort: 'code', dir: 'desc', q: '招商 引资' });
    const query = taskListQuery(params, { page: 3 });
    expect(query).toBe('q=%E6%8B%9B%E5%95%86+%E5%BC%95%E8%B5%84&unitId=u1&light=red&status=ASSIGNED&status=IN_PROGRESS&sort=code&dir=desc&page=3');
    expect(parseTaskListParams(searchRecord(new URLSearchParams(query)))).toEqual(params);
    expect(taskListQuery(params, { sort: 'title', dir: 'asc' })).not.toContain('page=');
  });

  test('paging, order and status never narrow beyond status; every other filter does, and so does an unknown param', () => {
    expect(filtersBeyondStatus(parseTaskListParams({}))).toBe(false);
    expect(filtersBeyondStatus(parseTaskListParams({ page: '7', pageSize: '100', sort: 'title', dir: 'desc', status: ['CLOSED', 'CANCELLED'] }))).toBe(false);
    const filters = { planId: 'p1', unitId: 'u1', leaderId: 'l1', light: 'red', overdue: '1', deadlineFrom: '2024-01-01', deadlineTo: '2024-12-31', q: '招商' };
    for (const [key, value] of Object.entries(filters)) expect(filtersBeyondStatus(parseTaskListParams({ [key]: value })), key).toBe(true);
    expect(filtersBeyondStatus({ ...DEFAULT_TASK_LIST_PARAMS, importance: 'KEY' } as TaskListParams)).toBe(true);
  });
});
