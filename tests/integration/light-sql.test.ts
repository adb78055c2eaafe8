import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { taskLightSql } from '@/lib/server/tasks/light-sql';
import { expectedProgress, trafficLight, type TrafficLight } from '@/lib/core/schedule/progress';
import { missedReportPeriod, type ReportCadence } from '@/lib/core/schedule/cadence';
import { DAY_MS, dbDateOfDay, shanghaiDayNumber, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';
import { TASK_STATUSES, type TaskStatus } from '@/lib/core/workflow/task-status';
import { testDb, unitId } from '../support/db';

// Fixed "today"s: mid-month, a Monday (week boundary), the 1st (month boundary), New Year (ISO week-year change).
const TODAYS = ['2024-06-12', '2024-06-17', '2024-07-01', '2025-01-01', '2024-12-30'].map((d) => new Date(`${d}T10:00:00+08:00`));
const CADENCES: ReportCadence[] = ['WEEKLY', 'MONTHLY', 'MILESTONE'];

// Deterministic pseudo-random numbers so a failure is reproducible.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Row = {
  id: string;
  status: TaskStatus;
  cadence: ReportCadence;
  startDate: Date;
  deadline: Date;
  progressPercent: number;
  lastReportAt: Date | null;
};

const prefix = `LT-${Date.now()}-`;

/** Tasks around each fixed day, with progress on and beside the lag thresholds. */
function buildRows(leadUnitId: string) {
  const random = rng(20240612);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const rows: (Row & { code: string; title: string; year: number; leadUnitId: string })[] = [];
  for (const today of TODAYS) {
    const todayDay = shanghaiDayNumber(today);
    for (let i = 0; i < 120; i += 1) {
      const start = todayDay - Math.floor(random() * 200) + 20;
      const deadline = random() < 0.05 ? start - 3 : start + Math.floor(random() * 250); // a few inverted (bad data)
      const expected = expectedProgress(dbDateOfDay(start), dbDateOfDay(deadline), today);
      const offsets = [0, 9.99, 10, 10.004, 10.005, 10.01, 29.99, 29.995, 30, 30.01, -5];
      const progress = random() < 0.6 ? Math.max(0, Math.round((expected - pick(offsets)) * 1000) / 1000) : Math.round(random() * 10000) / 100;
      const lastReportAt = random() < 0.3 ? null : new Date(shanghaiMidnight(todayDay - 1 - Math.floor(random() * 70)).getTime() + Math.floor(random() * DAY_MS));
      rows.push({
        id: `${prefix}${rows.length}`,
        code: `${prefix}${rows.length}`,
        title: '三色一致性',
        year: 2024,
        leadUnitId,
        status: pick(TASK_STATUSES),
        cadence: pick(CADENCES),
        startDate: dbDateOfDay(start),
        deadline: dbDateOfDay(deadline),
        progressPercent: progress,
        lastReportAt,
      });
    }
  }
  return rows;
}

function pureLight(row: Row, today: Date): TrafficLight {
  return trafficLight({
    status: row.status,
    deadline: row.deadline,
    today,
    expected: expectedProgress(row.startDate, row.deadline, today),
    actual: row.progressPercent,
    reportMissed: missedReportPeriod({ cadence: row.cadence, startDate: row.startDate, today, status: row.status, lastReportAt: row.lastReportAt }) !== null,
  });
}

async function sqlLights(ids: string[], today: Date) {
  const rows = await testDb.$queryRaw<{ id: string; light: string }[]>(
    Prisma.sql`SELECT t.id, ${taskLightSql(today)} AS light FROM "Task" t WHERE t.id = ANY(${ids})`,
  );
  return new Map(rows.map((r) => [r.id, r.light]));
}

describe('taskLightSql agrees with the pure trafficLight', () => {
  let rows: ReturnType<typeof buildRows> = [];
  beforeAll(async () => {
    rows = buildRows(await unitId('fgj'));
    await testDb.task.createMany({ data: rows });
  });
  afterAll(async () => {
    await testDb.task.deleteMany({ where: { code: { startsWith: prefix } } });
  });

  test.each(TODAYS.map((today) => [today.toISOString()]))('on %s every task has the same colour', async (iso) => {
    const today = new Date(iso);
    const sql = await sqlLights(rows.map((r) => r.id), today);
    // The page's rule (missedReportPeriod) and the SQL read the same lastReportAt: every row is compared.
    expect(rows.length).toBeGreaterThan(400);
    const mismatches = rows
      .map((row) => ({ id: row.id, pure: pureLight(row, today), sql: sql.get(row.id) }))
      .filter((m) => m.pure !== m.sql);
    expect(mismatches).toEqual([]);
    // The sample must exercise every colour, or agreement proves little.
    const colours = new Set(rows.map((row) => pureLight(row, today)));
    expect([...colours].sort()).toEqual(['cancelled', 'done', 'green', 'red', 'yellow']);
  });

  test('exact thresholds: lag 30 is red, 29.99 yellow, 10 yellow, 9.99 green; the deadline day is not overdue', async () => {
    const leadUnitId = await unitId('fgj');
    const today = new Date('2024-06-12T09:00:00+08:00');
    // start 2024-01-01 … deadline 2024-12-31 (366 days); by 06-12 expected = round2(164*100/366) = 44.81.
    const base = { title: '阈值', year: 2024, leadUnitId, status: 'IN_PROGRESS' as const, cadence: 'MILESTONE' as const, startDate: new Date('2024-01-01'), deadline: new Date('2024-12-31') };
    expect(expectedProgress(base.startDate, base.deadline, today)).toBe(44.81);
    const cases = [
      { progressPercent: 14.81, light: 'red' },
      { progressPercent: 14.82, light: 'yellow' },
      { progressPercent: 34.81, light: 'yellow' },
      { progressPercent: 34.82, light: 'green' },
    ];
    const made = cases.map((c, i) => ({ ...base, id: `${prefix}th${i}`, code: `${prefix}th${i}`, progressPercent: c.progressPercent }));
    const dueToday = { ...base, id: `${prefix}due`, code: `${prefix}due`, progressPercent: 100, deadline: new Date('2024-06-12') };
    await testDb.task.createMany({ data: [...made, dueToday] });
    const sql = await sqlLights([...made.map((m) => m.id), dueToday.id], today);
    expect(made.map((m) => sql.get(m.id))).toEqual(cases.map((c) => c.light));
    expect(sql.get(dueToday.id)).toBe('yellow');
    expect(await sqlLights([dueToday.id], new Date('2024-06-13T00:00:00+08:00'))).toEqual(new Map([[dueToday.id, 'red']]));
  });

  test('a weekly task reported last week is green; not reported since before last week it is yellow; a report this week also covers it', async () => {
    const leadUnitId = await unitId('fgj');
    const today = new Date('2024-06-19T09:00:00+08:00'); // Wednesday of 2024-W25; last week starts Monday 2024-06-10
    const base = { title: '周报', year: 2024, leadUnitId, status: 'IN_PROGRESS' as const, cadence: 'WEEKLY' as const, startDate: new Date('2024-05-01'), deadline: new Date('2024-12-31'), progressPercent: 50 };
    const tasks = [
      { ...base, id: `${prefix}w1`, code: `${prefix}w1`, lastReportAt: new Date('2024-06-10T00:00:00+08:00') }, // first instant of last week
      { ...base, id: `${prefix}w2`, code: `${prefix}w2`, lastReportAt: new Date('2024-06-09T23:59:59+08:00') }, // last instant before it
      { ...base, id: `${prefix}w3`, code: `${prefix}w3`, lastReportAt: new Date('2024-06-18T10:00:00+08:00') }, // this week
      { ...base, id: `${prefix}w4`, code: `${prefix}w4`, lastReportAt: null, startDate: new Date('2024-06-11') }, // started mid last week: owes nothing
    ];
    await testDb.task.createMany({ data: tasks });
    const sql = await sqlLights(tasks.map((t) => t.id), today);
    expect(tasks.map((t) => sql.get(t.id))).toEqual(['green', 'yellow', 'green', 'green']);
  });
});
