import { describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { refreshTaskLights } from '@/lib/server/tasks/refresh-task-lights';
import { taskLightSql } from '@/lib/server/tasks/light-sql';
import { COUNTED_TASK_SQL, figureColumnsSql, figureCountsSql } from '@/lib/server/dashboard/task-figures-sql';
import { summarizedUnitFigures, type SummaryUnitFigures } from '@/lib/server/dashboard/task-figure-summary';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { getLeaderDashboard } from '@/lib/server/dashboard/get-leader-dashboard';
import { DAY_MS, isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { sessionUser, testDb, unitId } from '../support/db';
import { pdf } from '../support/workflow';
import { insertTaskRow } from '../support/task-rows';

/** Summary rows that differ from a fresh count of "Task" (zero counts are the same as no row). */
async function summaryDrift() {
  return testDb.$queryRaw<unknown[]>(Prisma.sql`
    WITH fresh AS (
      SELECT "leadUnitId", "year", "status", COALESCE("light", '') AS "light",
        ("status" = 'CLOSED' AND "closedAt" IS NOT NULL AND ("closedAt" + interval '8 hours')::date <= "deadline") AS "closedOnTime",
        count(*)::int AS "tasks"
      FROM "Task" GROUP BY 1, 2, 3, 4, 5),
    kept AS (SELECT "leadUnitId", "year", "status", "light", "closedOnTime", "tasks" FROM "TaskFigureSummary" WHERE "tasks" <> 0)
    (SELECT 'missing' AS "drift", * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) m)
    UNION ALL (SELECT 'extra', * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) e)`);
}

/** figureCountsSql per lead unit by scanning every task with the computed light: what the summary must give. */
async function scannedUnitFigures(today: Date, year?: number) {
  const rows = await testDb.$queryRaw<SummaryUnitFigures[]>(Prisma.sql`
    SELECT s."leadUnitId" AS "unitId", ${figureCountsSql(today)}
    FROM (SELECT ${figureColumnsSql(today, taskLightSql(today))} FROM "Task" t
      WHERE ${COUNTED_TASK_SQL} ${year === undefined ? Prisma.empty : Prisma.sql`AND t."year" = ${year}`}) s
    GROUP BY s."leadUnitId" ORDER BY 1`);
  return rows;
}

describe('the task figure summary', () => {
  test('always equals a fresh count after a mix of writes and refreshes, and gives the figures a scan gives', async () => {
    const now = new Date();
    const day = shanghaiDayNumber(now);
    const year = Number(isoDateFromDayNumber(day).slice(0, 4));
    const admin = await sessionUser('admin');
    const staff = await sessionUser('fgj_staff');
    const [fgj, czj] = [await unitId('fgj'), await unitId('czj')];
    const version = async (taskId: string) => (await testDb.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
    const create = (title: string, startOffset: number, deadlineOffset: number) =>
      createTask({
        user: admin,
        input: {
          title,
          year,
          leadUnitId: fgj,
          coUnitIds: [],
          leaderIds: [],
          startDate: isoDateFromDayNumber(day + startOffset),
          deadline: isoDateFromDayNumber(day + deadlineOffset),
          cadence: 'MONTHLY',
          targets: [],
        },
      });
    expect(await summaryDrift()).toEqual([]); // the migration's backfill of the seeded county

    const reported = await create('汇总·报送', -100, 60);
    const moved = await create('汇总·换牵头', -100, 30);
    const cancelled = await create('汇总·撤销', -10, 200);
    const closed = await create('汇总·销号', -100, 100);
    await fileProgressReport({ user: staff, input: { taskId: reported.id, version: 1, narrative: '按序时推进', percent: 58 } });
    await editTask({ user: admin, input: { taskId: moved.id, version: await version(moved.id), leadUnitId: czj, deadline: isoDateFromDayNumber(day - 1), reason: '调整牵头单位' } });
    await cancelTask({ user: admin, input: { taskId: cancelled.id, version: 1, reason: '重复交办' } });
    await fileProgressReport({ user: staff, input: { taskId: closed.id, version: 1, narrative: '已完成', percent: 100, closureRequest: true }, files: [pdf()] });
    await transitionTask({ user: admin, taskId: closed.id, version: await version(closed.id), action: 'approveClosure' });
    expect(await summaryDrift()).toEqual([]);

    // Statements over many rows (the daily refresh of another day and back), and a rolled-back write.
    await refreshTaskLights({ today: new Date(now.getTime() + 40 * DAY_MS) });
    expect(await summaryDrift()).toEqual([]);
    await testDb.$transaction(async (tx) => {
      await tx.task.updateMany({ where: { leadUnitId: fgj }, data: { status: 'CLOSED', light: 'done', closedAt: now } });
      throw new Error('rolled back');
    }).catch(() => {});
    await refreshTaskLights({ today: now });
    expect(await summaryDrift()).toEqual([]);

    // Today's figures from the summary equal a scan with the computed light, per unit and for the county.
    const summarized = await summarizedUnitFigures({ today: now, year });
    expect(summarized).not.toBeNull();
    expect([...summarized!].sort((a, b) => a.unitId.localeCompare(b.unitId))).toEqual(await scannedUnitFigures(now, year));
    const stats = await getUnitTaskStats({ user: admin, scope: 'county', year, asOf: now });
    const scanned = new Map((await scannedUnitFigures(now, year)).map((row) => [row.unitId, row]));
    for (const unit of stats) {
      const { unitName: _name, sortOrder: _order, ...figures } = unit;
      expect(figures).toEqual(scanned.get(unit.unitId) ?? { ...figures, total: 0, red: 0, yellow: 0, green: 0, done: 0, closed: 0, closedOnTime: 0, overdue: 0 });
    }
    const county = (await scannedUnitFigures(now)).reduce<Record<string, number>>((sum, { unitId: _unit, ...figures }) => {
      for (const [key, value] of Object.entries(figures)) sum[key] = (sum[key] ?? 0) + value;
      return sum;
    }, {});
    expect(await getTaskLightCounts({ user: admin, today: now })).toEqual(county);
    expect(county.overdue).toBeGreaterThan(0);
    expect(county.closedOnTime).toBeGreaterThan(0);

    // A task of another year closed after today leaves this year's figures to the summary (the
    // office home reads every year's once and takes the working year's from them).
    const otherYear = await insertTaskRow({ leadUnit: 'fgj', year: year + 23, status: 'CLOSED', closedAt: new Date(now.getTime() + 2 * DAY_MS) });
    try {
      expect(await summarizedUnitFigures({ today: now, year })).not.toBeNull();
      await expect(summarizedUnitFigures({ today: now })).resolves.toBeNull();
    } finally {
      await testDb.task.delete({ where: { id: otherYear.id } });
    }

    // A closing time after today (only a hand- or clock-dated write makes one): the summary steps aside, the scan answers.
    const closedAt = (await testDb.task.findUniqueOrThrow({ where: { id: closed.id }, select: { closedAt: true } })).closedAt;
    await testDb.task.update({ where: { id: closed.id }, data: { closedAt: new Date(now.getTime() + 2 * DAY_MS) } });
    try {
      await expect(summarizedUnitFigures({ today: now, year })).resolves.toBeNull();
      const adminCounts = await getTaskLightCounts({ user: admin, today: now });
      expect(adminCounts.closed).toBe((await scannedUnitFigures(now)).reduce((sum, row) => sum + row.closed, 0));
    } finally {
      await testDb.task.update({ where: { id: closed.id }, data: { closedAt } });
    }

    // The leader dashboard's one query: its counts are its scope's, its red and overdue totals those counts.
    const leader = await sessionUser('leader');
    const scopeCounts = await getTaskLightCounts({ user: leader, today: now });
    for (const focus of ['red', 'overdue', 'open'] as const) {
      const dashboard = await getLeaderDashboard({ user: leader, focus, today: now });
      expect(dashboard.counts).toEqual(scopeCounts);
      expect(dashboard.urgent.total).toBe(focus === 'open' ? scopeCounts.total - scopeCounts.closed : scopeCounts[focus]);
    }
  });
});
