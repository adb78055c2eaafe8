import { describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { setLeaderUnits } from '@/lib/server/directory/set-leader-units';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { refreshTaskLights } from '@/lib/server/tasks/refresh-task-lights';
import { taskLightSql } from '@/lib/server/tasks/light-sql';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { COUNTED_TASK_SQL, figureColumnsSql, figureCountsSql, URGENT_ORDER_SQL, urgentFocusSql } from '@/lib/server/dashboard/task-figures-sql';
import { figureRowsSql } from '@/lib/server/dashboard/figure-rows-sql';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { listUrgentTasks } from '@/lib/server/dashboard/list-urgent-tasks';
import { getLeaderDashboard } from '@/lib/server/dashboard/get-leader-dashboard';
import { DAY_MS, isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { sessionUser, testDb, unitId } from '../support/db';

/** Every leader and one user per unit: each scope "TaskScopeMember" keeps. */
async function everyScopeHolder(): Promise<SessionUser[]> {
  const leaders = await testDb.user.findMany({ where: { role: 'LEADER' }, select: { id: true, username: true, name: true, role: true, unitId: true } });
  const units = await testDb.unit.findMany({ select: { id: true } });
  return [
    ...leaders.map((l) => ({ ...l, mustChangePassword: false }) as SessionUser),
    ...units.map((u) => ({ id: `unit-of-${u.id}`, username: `unit-of-${u.id}`, name: '单位用户', role: 'UNIT_STAFF', unitId: u.id, mustChangePassword: false }) as SessionUser),
  ];
}

/**
 * How "TaskScopeMember" differs from its definitions: per scope, the tasks taskScopeWhere gives
 * (the access rule itself), and on every row the task's own columns.
 */
async function memberDrift() {
  const drift: string[] = [];
  for (const user of await everyScopeHolder()) {
    const [kind, scopeId] = user.role === 'LEADER' ? ['leader', user.id] : ['unit', user.unitId!];
    const expected = (await testDb.task.findMany({ where: taskScopeWhere(user), select: { id: true } })).map((t) => t.id).sort();
    const kept = (await testDb.taskScopeMember.findMany({ where: { scopeKind: kind, scopeId }, select: { taskId: true } })).map((m) => m.taskId).sort();
    if (JSON.stringify(expected) !== JSON.stringify(kept)) drift.push(`${kind} ${scopeId}: expected ${expected.length} tasks, kept ${kept.length}`);
  }
  const stale = await testDb.$queryRaw<{ taskId: string }[]>(Prisma.sql`
    SELECT m."taskId" FROM "TaskScopeMember" m JOIN "Task" t ON t."id" = m."taskId"
    WHERE (m."leadUnitId", m."year", m."status", m."light", m."deadline", m."closedAt", m."code", m."planId")
      IS DISTINCT FROM (t."leadUnitId", t."year", t."status", t."light", t."deadline", t."closedAt", t."code", t."planId")`);
  for (const row of stale) drift.push(`stale columns of ${row.taskId}`);
  return drift;
}

/** Where the scope figures (counts plus unfolded deltas) differ from a fresh count of the member rows. */
async function figureDrift() {
  return testDb.$queryRaw<unknown[]>(Prisma.sql`
    WITH fresh AS (
      SELECT "scopeKind", "scopeId", "year", "status", COALESCE("light", '') AS "light", "deadline",
        ("status" = 'CLOSED' AND "closedAt" IS NOT NULL AND ("closedAt" + interval '8 hours')::date <= "deadline") AS "closedOnTime", count(*)::int AS "tasks"
      FROM "TaskScopeMember" GROUP BY 1, 2, 3, 4, 5, 6, 7),
    kept AS (
      SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", sum("tasks")::int AS "tasks"
      FROM (SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks" FROM "TaskScopeFigures"
        UNION ALL SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks" FROM "TaskScopeFigureDelta") k
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("tasks") <> 0)
    (SELECT 'missing' AS "drift", * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) m)
    UNION ALL (SELECT 'extra', * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) e)`);
}

/** Where "UnitTaskLeader" differs from its definition: per unit, its member rows' tasks counted per leader of them. */
async function unitLeaderDrift() {
  return testDb.$queryRaw<unknown[]>(Prisma.sql`
    WITH fresh AS (
      SELECT m."scopeId" AS "unitId", tl."leaderId", count(*)::int AS "tasks"
      FROM "TaskScopeMember" m JOIN "TaskLeader" tl ON tl."taskId" = m."taskId" WHERE m."scopeKind" = 'unit' GROUP BY 1, 2),
    kept AS (SELECT "unitId", "leaderId", "tasks" FROM "UnitTaskLeader")
    (SELECT 'missing' AS "drift", * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) m)
    UNION ALL (SELECT 'extra', * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) e)`);
}

/** A user's figures by scanning "Task" with the access rule and the computed light: what the member rows must give. */
async function scannedCounts(user: SessionUser, today: Date) {
  const [row] = await testDb.$queryRaw<Record<string, number>[]>(Prisma.sql`
    SELECT ${figureCountsSql(today)} FROM (SELECT ${figureColumnsSql(today, taskLightSql(today))} FROM "Task" t WHERE ${COUNTED_TASK_SQL} AND ${taskScopeSql(user)}) s`);
  return row;
}

describe('the task scope members', () => {
  test('always hold exactly each leader’s and unit’s tasks with the tasks’ own columns, and give the figures a scan gives', async () => {
    const now = new Date();
    const day = shanghaiDayNumber(now);
    const year = Number(isoDateFromDayNumber(day).slice(0, 4));
    const admin = await sessionUser('admin');
    const leader = await sessionUser('leader');
    const staff = await sessionUser('fgj_staff');
    const [fgj, czj, jyj] = [await unitId('fgj'), await unitId('czj'), await unitId('jyj')];
    const otherLeader = await testDb.user.findFirstOrThrow({ where: { role: 'LEADER', id: { not: leader.id } }, select: { id: true } });
    const version = async (taskId: string) => (await testDb.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
    expect(await memberDrift()).toEqual([]); // the migration's backfill of the seeded county
    expect(await unitLeaderDrift()).toEqual([]);
    expect(await testDb.unitTaskLeader.count()).toBeGreaterThan(0);
    expect(await figureDrift()).toEqual([]);

    const create = (title: string, leadUnitId: string, coUnitIds: string[], leaderIds: string[], deadlineOffset: number) =>
      createTask({
        user: admin,
        input: { title, year, leadUnitId, coUnitIds, leaderIds, startDate: isoDateFromDayNumber(day - 100), deadline: isoDateFromDayNumber(day + deadlineOffset), cadence: 'MONTHLY', targets: [] },
      });
    const shared = await create('范围·共办', fgj, [czj], [otherLeader.id], 60);
    const moved = await create('范围·换牵头', czj, [], [], -3);
    const cancelled = await create('范围·撤销', jyj, [fgj], [leader.id], 200);
    await create('范围·今日到期', fgj, [], [leader.id], 0); // due today: open, not yet overdue
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);

    // Co-units, leaders and the lead unit change; a report moves the light; a task is cancelled.
    await editTask({ user: admin, input: { taskId: shared.id, version: await version(shared.id), coUnitIds: [jyj], leaderIds: [leader.id, otherLeader.id], reason: '调整配合单位' } });
    await editTask({ user: admin, input: { taskId: moved.id, version: await version(moved.id), leadUnitId: jyj, coUnitIds: [czj], reason: '调整牵头单位' } });
    await fileProgressReport({ user: staff, input: { taskId: shared.id, version: await version(shared.id), narrative: '按序时推进', percent: 80 } });
    await cancelTask({ user: admin, input: { taskId: cancelled.id, version: await version(cancelled.id), reason: '重复交办' } });
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);

    // Tasks deleted (no page does, but cascades must count right): their member rows and leaders go by
    // cascade, in whichever order. One task, then two in one statement; a leader row rewritten in place.
    const gone = [
      await create('范围·删除一', fgj, [czj, jyj], [leader.id, otherLeader.id], 30),
      await create('范围·删除二', czj, [fgj], [otherLeader.id], 30),
      await create('范围·删除三', jyj, [], [leader.id], 30),
    ];
    await testDb.$executeRaw`UPDATE "TaskLeader" SET "leaderId" = ${otherLeader.id} WHERE "taskId" = ${gone[2]!.id} AND "leaderId" = ${leader.id}`;
    expect(await unitLeaderDrift()).toEqual([]);
    await testDb.task.delete({ where: { id: gone[0]!.id } });
    expect(await unitLeaderDrift()).toEqual([]);
    await testDb.task.deleteMany({ where: { id: { in: [gone[1]!.id, gone[2]!.id] } } });
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);

    // Oversight (分管) changes reach every task of the units gained or lost, led or co-owned.
    const overseen = (await testDb.leaderUnit.findMany({ where: { leaderId: leader.id }, select: { unitId: true } })).map((r) => r.unitId);
    await setLeaderUnits({ user: admin, input: { leaderId: leader.id, unitIds: [...overseen.filter((id) => id !== fgj), jyj] } });
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);
    await setLeaderUnits({ user: admin, input: { leaderId: leader.id, unitIds: overseen } });
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);
    expect(await figureDrift()).toEqual([]); // the writes' deltas, not folded yet
    expect(await testDb.taskScopeFigureDelta.count()).toBeGreaterThan(0);

    // Statements over many rows: the daily refresh of another day and back; a rolled-back write leaves nothing.
    await refreshTaskLights({ today: new Date(now.getTime() + 40 * DAY_MS) });
    await testDb.$transaction(async (tx) => {
      await tx.taskCoUnit.deleteMany({ where: { unitId: czj } });
      throw new Error('rolled back');
    }).catch(() => {});
    await refreshTaskLights({ today: now }); // folds the deltas
    expect(await memberDrift()).toEqual([]);
    expect(await unitLeaderDrift()).toEqual([]);
    expect(await figureDrift()).toEqual([]);
    expect(await testDb.taskScopeFigureDelta.count()).toBe(0);

    // Today's figures and urgent pages read the member rows; they equal a scan of "Task" with the computed light.
    const unitUser = await sessionUser('fgj_staff');
    for (const user of [leader, unitUser]) {
      const counts = await getTaskLightCounts({ user, today: now });
      expect(counts).toEqual(await scannedCounts(user, now));
      expect(counts.total).toBeGreaterThan(0);
      for (const focus of ['red', 'overdue', 'open'] as const) {
        const listed = await listUrgentTasks({ user, focus, today: now, pageSize: 200 });
        const expected = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT s."id" FROM (SELECT ${figureColumnsSql(now, taskLightSql(now))} FROM "Task" t WHERE ${COUNTED_TASK_SQL} AND ${taskScopeSql(user)}) s
          WHERE ${focus === 'red' ? Prisma.sql`s."light" = 'red'` : focus === 'overdue' ? Prisma.sql`NOT s."closed" AND s."deadline" < ${isoDateFromDayNumber(day)}::date` : Prisma.sql`NOT s."closed"`}`);
        expect(listed.total).toBe(expected.length);
        expect(listed.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      }
      // Outside the red focus a page of member rows is merged from each light's rows in deadline
      // order: page by page it equals one sort of all the rows by urgency. Two of the open tasks are
      // turned, for the check, into a yellow one and one closed after today (its light done, open today).
      const rows = await figureRowsSql({ user, today: now });
      expect(rows.indexed).toBe(true);
      const open = (await listUrgentTasks({ user, focus: 'open', today: now, pageSize: 200 })).rows.filter((row) => row.light === 'green').slice(0, 2);
      expect(open).toHaveLength(2);
      const before = await testDb.task.findMany({ where: { id: { in: open.map((row) => row.id) } }, select: { id: true, light: true, status: true, closedAt: true } });
      await testDb.task.update({ where: { id: open[0]!.id }, data: { light: 'yellow' } });
      await testDb.task.update({ where: { id: open[1]!.id }, data: { light: 'done', status: 'CLOSED', closedAt: new Date(now.getTime() + 2 * DAY_MS) } });
      try {
        for (const focus of ['overdue', 'open'] as const) {
          const sorted = await testDb.$queryRaw<{ id: string; light: string }[]>(
            Prisma.sql`SELECT s."id", s."light" FROM ${rows.sql} s WHERE (${urgentFocusSql(focus, now)}) ORDER BY ${URGENT_ORDER_SQL}`,
          );
          if (focus === 'open') expect(new Set(sorted.map((row) => row.light))).toEqual(new Set(['red', 'yellow', 'green', 'done']));
          for (let page = 1; page <= Math.ceil(sorted.length / 2) + 1; page++) {
            const listed = await listUrgentTasks({ user, focus, today: now, page, pageSize: 2 });
            expect(listed.rows.map((r) => r.id)).toEqual(sorted.slice((page - 1) * 2, page * 2).map((r) => r.id));
          }
        }
      } finally {
        for (const task of before) await testDb.task.update({ where: { id: task.id }, data: { light: task.light, status: task.status, closedAt: task.closedAt } });
      }
    }
    // The leader's dashboard: from the member rows today, from "Task" on a day the stored lights are not for.
    const later = new Date(now.getTime() + 40 * DAY_MS);
    for (const day of [now, later]) {
      const counts = await scannedCounts(leader, day);
      for (const focus of ['red', 'overdue', 'open'] as const) {
        const dashboard = await getLeaderDashboard({ user: leader, focus, today: day });
        expect(dashboard.counts).toEqual(counts);
        expect(dashboard.urgent.total).toBe((await listUrgentTasks({ user: leader, focus, today: day, pageSize: 200 })).total);
        expect(dashboard.urgent.rows.map((r) => r.id)).toEqual((await listUrgentTasks({ user: leader, focus, today: day })).rows.map((r) => r.id));
      }
    }
  });
});
