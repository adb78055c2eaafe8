import { describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { requestExtension } from '@/lib/server/extensions/request-extension';
import { decideExtension } from '@/lib/server/extensions/decide-extension';
import { refreshTaskLights, taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { taskLightSql } from '@/lib/server/tasks/light-sql';
import { parseTaskListParams } from '@/lib/core/schemas/task-list';
import { expectedProgress, trafficLight } from '@/lib/core/schedule/progress';
import { missedReportPeriod } from '@/lib/core/schedule/cadence';
import { DAY_MS, isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { sessionUser, testDb, unitId } from '../support/db';
import { pdf } from '../support/workflow';

const as = sessionUser;

/** Every task's stored light and 序时进度 next to what the pure functions say for `today`. */
async function storedAgainstPure(today: Date, where: Prisma.TaskWhereInput = {}) {
  const tasks = await testDb.task.findMany({
    where,
    select: { id: true, code: true, status: true, cadence: true, startDate: true, deadline: true, progressPercent: true, lastReportAt: true, light: true, expectedPercent: true },
  });
  const mismatches = tasks.flatMap((task) => {
    const expected = expectedProgress(task.startDate, task.deadline, today);
    const light = trafficLight({
      status: task.status,
      deadline: task.deadline,
      today,
      expected,
      actual: task.progressPercent,
      reportMissed: missedReportPeriod({ cadence: task.cadence, startDate: task.startDate, today, status: task.status, lastReportAt: task.lastReportAt }) !== null,
    });
    return light === task.light && expected === task.expectedPercent ? [] : [{ code: task.code, stored: [task.light, task.expectedPercent], pure: [light, expected] }];
  });
  return { count: tasks.length, mismatches };
}

async function version(taskId: string) {
  return (await testDb.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
}

describe('the stored 三色 light and 序时进度', () => {
  test('every write keeps them equal to the pure functions; the daily refresh moves every task to the new day', async () => {
    const now = new Date();
    const day = shanghaiDayNumber(now);
    const admin = await as('admin');
    const staff = await as('fgj_staff');
    const head = await as('fgj_head');
    const create = async (title: string, startOffset: number, deadlineOffset: number, cadence = 'MONTHLY') =>
      createTask({
        user: admin,
        input: {
          title,
          year: Number(isoDateFromDayNumber(day).slice(0, 4)),
          leadUnitId: await unitId('fgj'),
          coUnitIds: [await unitId('czj')],
          leaderIds: [],
          startDate: isoDateFromDayNumber(day + startOffset),
          deadline: isoDateFromDayNumber(day + deadlineOffset),
          cadence,
          targets: [],
        },
      });
    // A realistic mix of writes through the data layer, each of which changes what the light reads.
    const reported = await create('存储三色·报送', -100, 60);
    const late = await create('存储三色·时限调整', -100, 5, 'WEEKLY');
    const extended = await create('存储三色·延期', -100, 3);
    const cancelled = await create('存储三色·撤销', -10, 200);
    const closed = await create('存储三色·销号', -100, 100);
    await fileProgressReport({ user: staff, input: { taskId: reported.id, version: 1, narrative: '按序时推进', percent: 58 } });
    await transitionTask({ user: staff, taskId: late.id, version: 1, action: 'acknowledge' });
    await editTask({ user: admin, input: { taskId: late.id, version: await version(late.id), deadline: isoDateFromDayNumber(day - 1), reason: '提前完成要求' } });
    const request = await requestExtension({ user: head, input: { taskId: extended.id, requestedDeadline: isoDateFromDayNumber(day + 90), reason: '工期顺延' } });
    await decideExtension({ user: admin, input: { extensionId: request.id, decision: 'approve', version: await version(extended.id) } });
    await cancelTask({ user: admin, input: { taskId: cancelled.id, version: 1, reason: '重复交办' } });
    await fileProgressReport({ user: staff, input: { taskId: closed.id, version: 1, narrative: '已完成', percent: 100, closureRequest: true }, files: [pdf()] });
    await transitionTask({ user: admin, taskId: closed.id, version: await version(closed.id), action: 'approveClosure' });

    const ours = { id: { in: [reported.id, late.id, extended.id, cancelled.id, closed.id] } };
    const lights = Object.fromEntries((await testDb.task.findMany({ where: ours, select: { title: true, light: true } })).map((t) => [t.title, t.light]));
    expect(lights).toEqual({ '存储三色·报送': 'green', '存储三色·时限调整': 'red', '存储三色·延期': 'red', '存储三色·撤销': 'cancelled', '存储三色·销号': 'done' });
    expect((await storedAgainstPure(now, ours)).mismatches).toEqual([]);

    // 40 days on, without a write, the date moves many lights; the refresh brings every task there.
    const later = new Date(now.getTime() + 40 * DAY_MS);
    const before = await storedAgainstPure(later);
    expect(before.mismatches.length).toBeGreaterThan(0);
    await refreshTaskLights({ today: later });
    const after = await storedAgainstPure(later);
    expect(after.count).toBeGreaterThan(50); // the seeded county's tasks and ours
    expect(after.mismatches).toEqual([]);

    // Back to today for the other tests; the stored column is read only for the day it holds.
    const { changed } = await refreshTaskLights({ today: now });
    expect(changed).toBeGreaterThan(0);
    expect((await storedAgainstPure(now)).mismatches).toEqual([]);
    expect((await taskLightColumnSql(now)).sql).toBe('t."light"');
    expect((await taskLightColumnSql(later)).sql).not.toBe('t."light"');
  });

  test('a list filtered by colour reads the stored column and finds the tasks the computed light finds', async () => {
    const admin = await as('admin');
    const now = new Date();
    await refreshTaskLights({ today: now });
    expect((await taskLightColumnSql(now)).sql).toBe('t."light"');
    for (const light of ['red', 'yellow', 'green', 'done']) {
      const listed = await listTasks({ user: admin, params: parseTaskListParams({ light }), today: now });
      const [computed] = await testDb.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS n FROM "Task" t WHERE t."status" <> 'CANCELLED' AND ${taskLightSql(now)} = ${light}`,
      );
      expect(listed.total).toBe(computed!.n);
      expect(listed.rows.every((row) => row.light === light)).toBe(true);
    }
  });
});
