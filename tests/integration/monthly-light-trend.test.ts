// The homes' monthly trend: one point per month of the year up to today's, each month counting the
// year's tasks in the user's scope that existed by its end (closed by then, else by light).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getMonthlyLightTrend } from '@/lib/server/dashboard/get-monthly-light-trend';
import { sessionUser, testDb } from '../support/db';
import { insertTaskRow } from '../support/task-rows';

// A year no other test file uses (they share the database), so the counts are this file's tasks only.
const YEAR = 2047;
const TODAY = new Date('2047-03-13T04:00:00Z');
const ids: string[] = [];

beforeAll(async () => {
  expect(await testDb.task.count({ where: { year: YEAR } }), `another test file has tasks in ${YEAR}`).toBe(0);
  const task = async (leadUnit: string, created: string, extra: Record<string, unknown> = {}) =>
    ids.push((await insertTaskRow({ leadUnit, year: YEAR, createdAt: new Date(created), startDate: new Date('2047-01-01'), deadline: new Date('2047-12-31'), ...extra })).id);
  await task('fgj', '2047-01-10T02:00:00Z');
  await task('fgj', '2047-02-10T02:00:00Z', { status: 'CLOSED', closedAt: new Date('2047-02-20T02:00:00Z') });
  await task('jyj', '2047-03-02T02:00:00Z');
});
afterAll(async () => {
  await testDb.task.deleteMany({ where: { id: { in: ids } } });
});

const total = (m: { red: number; yellow: number; green: number; closed: number }) => m.red + m.yellow + m.green + m.closed;

describe('the monthly light trend', () => {
  test("the office's months up to today's, each counting the tasks that existed by its end", async () => {
    const admin = await sessionUser('admin');
    const months = await getMonthlyLightTrend({ user: admin, year: YEAR, today: TODAY });
    expect(months.map((m) => m.month)).toEqual(['1月', '2月', '3月']);
    expect(months.map(total)).toEqual([1, 2, 3]);
    expect(months.map((m) => m.closed)).toEqual([0, 1, 1]);
    // A second look within the minute is the kept count: the same figures.
    expect(await getMonthlyLightTrend({ user: admin, year: YEAR, today: TODAY })).toEqual(months);
  });

  test('a unit counts only its own tasks, and a year still to come has no months', async () => {
    const unitUser = await sessionUser('fgj_staff');
    expect((await getMonthlyLightTrend({ user: unitUser, year: YEAR, today: TODAY })).map(total)).toEqual([1, 2, 2]);
    expect(await getMonthlyLightTrend({ user: unitUser, year: YEAR + 1, today: TODAY })).toEqual([]);
  });
});
