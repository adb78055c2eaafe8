// The homes' monthly trend: one point per month of the year up to today's, each month counting the
// year's tasks in the user's scope that existed by its end (closed by then, else by light); counted
// live, or read from what the hourly job 'month-lights' counted into "MonthLightFigures".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getMonthlyLightTrend } from '@/lib/server/dashboard/get-monthly-light-trend';
import { recordMonthLights } from '@/lib/server/dashboard/record-month-lights';
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
  await task('fgj', '2047-01-10T02:00:00Z', { leaders: ['leader'] });
  await task('fgj', '2047-02-10T02:00:00Z', { status: 'CLOSED', closedAt: new Date('2047-02-20T02:00:00Z') });
  await task('jyj', '2047-03-02T02:00:00Z');
});
afterAll(async () => {
  await testDb.monthLightFigures.deleteMany({ where: { year: YEAR } });
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

describe("the hourly job's counts", () => {
  const figures = ({ red, yellow, green, closed }: { red: number; yellow: number; green: number; closed: number }) => ({ red, yellow, green, closed });

  test('count every month for the office and for every leader as the homes count them live, and only the running month again', async () => {
    const admin = await sessionUser('admin');
    const leader = await sessionUser('leader');
    // Nothing counted yet: both homes count live.
    expect(await testDb.monthLightFigures.count({ where: { year: YEAR } })).toBe(0);
    const officeLive = await getMonthlyLightTrend({ user: admin, year: YEAR, today: TODAY });
    const leaderLive = await getMonthlyLightTrend({ user: leader, year: YEAR, today: TODAY });
    expect(leaderLive.map(total).at(-1)).toBeGreaterThan(0);

    expect(await recordMonthLights({ now: TODAY, year: YEAR })).toEqual({ months: 3 });
    const rows = await testDb.monthLightFigures.findMany({ where: { year: YEAR }, orderBy: [{ scopeKind: 'asc' }, { scopeId: 'asc' }, { month: 'asc' }] });
    const office = rows.filter((row) => row.scopeKind === 'all');
    expect(office.map(figures)).toEqual(officeLive.map(figures));
    expect(rows.filter((row) => row.scopeId === leader.id).map(figures)).toEqual(leaderLive.map(figures));
    expect(office.map((row) => row.asOfDay.toISOString().slice(0, 10))).toEqual(['2047-01-31', '2047-02-28', '2047-03-13']);
    // Every leader has the months, a leader without tasks at zero.
    const leaders = await testDb.user.count({ where: { role: 'LEADER' } });
    expect(rows.filter((row) => row.scopeKind === 'leader')).toHaveLength(leaders * 3);

    // Later the same day only the running month; the next day the closed months once more.
    expect(await recordMonthLights({ now: new Date(TODAY.getTime() + 3_600_000), year: YEAR })).toEqual({ months: 1 });
    expect(await recordMonthLights({ now: new Date(TODAY.getTime() + 86_400_000), year: YEAR })).toEqual({ months: 3 });
  });

  test('are what the homes show, where they stand at the month the homes ask for', async () => {
    const admin = await sessionUser('admin');
    await recordMonthLights({ now: TODAY, year: YEAR });
    const live = await getMonthlyLightTrend({ user: admin, year: YEAR, today: TODAY });
    // A count the live figures cannot give shows that January is read from the job's row.
    await testDb.monthLightFigures.update({ where: { scopeKind_scopeId_year_month: { scopeKind: 'all', scopeId: '', year: YEAR, month: 1 } }, data: { red: 99 } });
    // February counted on a day before its end does not stand for the month: counted live.
    await testDb.monthLightFigures.update({
      where: { scopeKind_scopeId_year_month: { scopeKind: 'all', scopeId: '', year: YEAR, month: 2 } },
      data: { red: 98, asOfDay: new Date('2047-02-27') },
    });
    const shown = await getMonthlyLightTrend({ user: admin, year: YEAR, today: TODAY });
    expect(shown.map((m) => m.red)).toEqual([99, live[1]!.red, live[2]!.red]);
    // The running month counted on an earlier day of it still stands for it (a trend point).
    const nextDay = new Date(TODAY.getTime() + 86_400_000);
    await testDb.monthLightFigures.update({ where: { scopeKind_scopeId_year_month: { scopeKind: 'all', scopeId: '', year: YEAR, month: 3 } }, data: { red: 97 } });
    expect((await getMonthlyLightTrend({ user: admin, year: YEAR, today: nextDay })).at(-1)!.red).toBe(97);
  });
});
