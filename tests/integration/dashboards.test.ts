import { describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { getLeaderDashboard } from '@/lib/server/dashboard/get-leader-dashboard';
import { getOfficeDashboard, officeQueueCountsSql } from '@/lib/server/dashboard/get-office-dashboard';
import { getUnitDashboard } from '@/lib/server/dashboard/get-unit-dashboard';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { loadUrgentRows } from '@/lib/server/dashboard/list-urgent-tasks';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import type { UnitTaskStats } from '@/lib/core/ranking/score-units';
import { taskScopeWhere } from '@/lib/server/auth/permissions';
import { sessionUser, testDb, unitId } from '../support/db';
import { insertTaskRow } from '../support/task-rows';

const TODAY = new Date('2024-06-12T10:00:00+08:00');
const closedAt = (isoDate: string) => new Date(`${isoDate}T15:00:00+08:00`);

function delta(after: UnitTaskStats | undefined, before: UnitTaskStats | undefined) {
  const keys = ['total', 'red', 'yellow', 'green', 'done', 'closed', 'closedOnTime', 'overdue'] as const;
  return Object.fromEntries(keys.map((key) => [key, (after?.[key] ?? 0) - (before?.[key] ?? 0)]));
}

describe('role dashboards are scoped', () => {
  test("a leader's by-unit summary covers exactly the 分管 units, with exact figures", async () => {
    const leader = await sessionUser('leader');
    const fgj = await unitId('fgj');
    const before = (await getUnitTaskStats({ user: leader, scope: 'own', asOf: TODAY })).find((u) => u.unitId === fgj);
    await insertTaskRow({ leadUnit: 'fgj', deadline: new Date('2024-05-31'), status: 'IN_PROGRESS' }); // overdue → red
    await insertTaskRow({ leadUnit: 'fgj', deadline: new Date('2024-05-31'), status: 'CLOSED', closedAt: closedAt('2024-05-31') }); // on time (Shanghai day)
    await insertTaskRow({ leadUnit: 'fgj', deadline: new Date('2024-05-31'), status: 'CLOSED', closedAt: closedAt('2024-06-03') }); // late
    await insertTaskRow({ leadUnit: 'fgj', progressPercent: 60 }); // ahead of 序时进度 → green
    await insertTaskRow({ leadUnit: 'fgj', progressPercent: 0, startDate: new Date('2024-01-01'), deadline: new Date('2024-07-31') }); // lag ≥ 30 → red, not overdue
    await insertTaskRow({ leadUnit: 'jyj', deadline: new Date('2024-05-31') }); // not 分管 by leader

    const dashboard = await getLeaderDashboard({ user: leader, today: TODAY });
    expect(dashboard.units.map((u) => u.unitName).sort()).toEqual(['发改局', '商务局', '工信局', '招商局', '统计局', '财政局'].sort());
    const after = dashboard.units.find((u) => u.unitId === fgj);
    expect(delta(after, before)).toEqual({ total: 5, red: 2, yellow: 0, green: 1, done: 2, closed: 2, closedOnTime: 1, overdue: 1 });
  });

  test("a leader's task list shows overdue first, then red; never another leader's units", async () => {
    const mine = await insertTaskRow({ leadUnit: 'czj', title: '财政局逾期任务', deadline: new Date('2020-01-15'), startDate: new Date('2020-01-01') });
    const lagging = await insertTaskRow({ leadUnit: 'czj', title: '财政局滞后任务', startDate: new Date('2020-01-01'), deadline: new Date('2030-12-31'), progressPercent: 0 });
    const notMine = await insertTaskRow({ leadUnit: 'jyj', title: '教育局逾期任务', deadline: new Date('2020-01-10'), startDate: new Date('2020-01-01') });
    const ledByMe = await insertTaskRow({ leadUnit: 'jyj', title: '领导牵头的教育任务', deadline: new Date('2020-01-20'), startDate: new Date('2020-01-01'), leaders: ['leader'] });

    const leader = await sessionUser('leader');
    const dashboard = await getLeaderDashboard({ user: leader, focus: 'red', today: TODAY });
    const ids = dashboard.urgent.rows.map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(ledByMe.id); // a task the leader leads counts though its unit is not 分管
    expect(ids).not.toContain(notMine.id);
    expect(dashboard.urgent.rows[0]!.daysLeft).toBeLessThan(0);
    const overdueRows = dashboard.urgent.rows.filter((r) => r.daysLeft < 0);
    expect(dashboard.urgent.rows.slice(0, overdueRows.length)).toEqual(overdueRows); // overdue before red-by-lag
    expect(dashboard.urgent.rows.every((r) => r.light === 'red')).toBe(true);
    expect(dashboard.urgent.total).toBe(dashboard.counts.red);
    const onlyOverdue = await getLeaderDashboard({ user: leader, focus: 'overdue', today: TODAY });
    expect(onlyOverdue.urgent.rows.map((r) => r.id)).not.toContain(lagging.id);
    expect(onlyOverdue.urgent.total).toBe(onlyOverdue.counts.overdue);

    const other = await getLeaderDashboard({ user: await sessionUser('leader4'), focus: 'red', today: TODAY, page: 1 });
    expect(other.urgent.rows.map((r) => r.id)).toContain(notMine.id);
    expect(other.urgent.rows.map((r) => r.id)).not.toContain(mine.id);
    expect(other.units.map((u) => u.unitName)).not.toContain('财政局');
  });

  test('light counts cover exactly the Prisma scope of each role, and a new task moves only its scopes', async () => {
    const names = ['admin', 'leader', 'leader4', 'tjj_head', 'scjgj_staff'];
    const countAll = () => Promise.all(names.map(async (name) => getTaskLightCounts({ user: await sessionUser(name), today: TODAY })));
    const before = await countAll();
    await insertTaskRow({ leadUnit: 'tjj', deadline: new Date('2024-06-01') }); // 统计局, 分管 by leader; overdue
    const after = await countAll();
    for (const [i, name] of names.entries()) {
      const counts = after[i]!;
      // A cancelled task is kept but counted nowhere.
      expect(counts.total).toBe(await testDb.task.count({ where: { AND: [taskScopeWhere(await sessionUser(name)), { status: { not: 'CANCELLED' } }] } }));
      expect(counts.red + counts.yellow + counts.green + counts.done).toBe(counts.total);
    }
    const moved = after.map((counts, i) => [names[i], counts.total - before[i]!.total, counts.overdue - before[i]!.overdue, counts.red - before[i]!.red]);
    expect(moved).toEqual([
      ['admin', 1, 1, 1],
      ['leader', 1, 1, 1],
      ['leader4', 0, 0, 0],
      ['tjj_head', 1, 1, 1],
      ['scjgj_staff', 0, 0, 0],
    ]);
  });

  test("the unit's target chart reads its open lead tasks a step at a time, soonest first, numeric targets only, at most 12", async () => {
    const staff = await sessionUser('tjj_staff');
    const made: string[] = [];
    try {
      // Fifty tasks due before any other of the unit's, none with a numeric target: the first step finds nothing to show.
      for (let i = 0; i < 64; i += 1) {
        const task = await insertTaskRow({ leadUnit: 'tjj', startDate: new Date('2019-01-01'), deadline: new Date(Date.UTC(2020, 0, 1 + i)) });
        made.push(task.id);
        const numeric = i >= 50;
        await testDb.target.create({ data: { taskId: task.id, position: 0, metric: `图表${i}待定`, comparator: 'GTE', unit: '个', placeholder: true } });
        if (numeric) await testDb.target.create({ data: { taskId: task.id, position: 1, metric: `图表${i}`, comparator: 'GTE', value: 10, unit: '个', actualValue: i - 45 } });
        if (i === 50) await testDb.target.create({ data: { taskId: task.id, position: 2, metric: '图表50乙', comparator: 'RANGE', value: 1.5, valueMax: 2.5, unit: '亿元', actualValue: 2 } });
      }
      const { targets } = await getUnitDashboard({ user: staff, today: TODAY });
      expect(targets.map((t) => t.metric)).toEqual(['图表50', '图表50乙', ...Array.from({ length: 10 }, (_, k) => `图表${51 + k}`)]);
      expect(targets[0]).toMatchObject({ actual: 5, completion: 50 });
      expect(targets[1]).toMatchObject({ actual: 2, unit: '亿元' });
    } finally {
      await testDb.task.deleteMany({ where: { id: { in: made } } });
    }
  });

  test('dashboards refuse the wrong role', async () => {
    await expect(getLeaderDashboard({ user: await sessionUser('fgj_head') })).rejects.toThrow('无权执行查看领导驾驶舱');
    await expect(getOfficeDashboard({ user: await sessionUser('leader') })).rejects.toThrow('无权执行查看督查工作台');
    await expect(getUnitDashboard({ user: await sessionUser('admin') })).rejects.toThrow('无权执行查看本单位任务');
    await expect(getUnitTaskStats({ user: await sessionUser('fgj_head'), scope: 'county' })).rejects.toThrow('无权执行查看单位排名');
    await expect(getUnitRanking({ user: await sessionUser('fgj_staff'), year: 2024 })).rejects.toThrow('无权执行查看单位排名');
    const own = await getUnitTaskStats({ user: await sessionUser('fgj_head'), scope: 'own' });
    expect(own.map((u) => u.unitName)).toEqual(['发改局']);
  });

  test("a unit's home: its lead and co-unit tasks, due this week, latest returned reports; nothing of other units", async () => {
    const ybj = await sessionUser('ybj_head');
    const lead = await insertTaskRow({ leadUnit: 'ybj', title: '医保局本周到期', deadline: new Date('2024-06-14') }); // Friday of that week
    const co = await insertTaskRow({ leadUnit: 'wjj', coUnits: ['ybj'], title: '卫健局牵头医保配合', deadline: new Date('2024-06-10') }); // Monday, overdue
    const nextWeek = await insertTaskRow({ leadUnit: 'ybj', deadline: new Date('2024-06-17') });
    const other = await insertTaskRow({ leadUnit: 'wjj', deadline: new Date('2024-06-13') });
    const author = ybj.id;
    const report = (taskId: string, reviewState: 'RETURNED' | 'ACCEPTED' | 'PENDING', createdAt: Date) =>
      testDb.progressReport.create({ data: { taskId, unitId: ybj.unitId!, authorId: author, periodKey: '2024-06', narrative: '进展', percent: 10, targetActuals: [], reviewState, reviewReason: reviewState === 'RETURNED' ? '数据不实' : null, createdAt } });
    const returnedThenFixed = await insertTaskRow({ leadUnit: 'ybj' });
    await report(returnedThenFixed.id, 'RETURNED', new Date('2024-06-01T10:00:00+08:00'));
    await report(returnedThenFixed.id, 'PENDING', new Date('2024-06-02T10:00:00+08:00'));
    const stillReturned = await report(lead.id, 'RETURNED', new Date('2024-06-05T10:00:00+08:00'));

    const home = await getUnitDashboard({ user: ybj, today: TODAY });
    expect(home.dueThisWeek.map((t) => [t.id, t.isLeadUnit, t.daysLeft])).toEqual([
      [co.id, false, -2],
      [lead.id, true, 2],
    ]);
    expect(home.returned.map((r) => [r.id, r.reviewReason])).toEqual([[stillReturned.id, '数据不实']]);
    const listed = home.tasks.rows.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([lead.id, co.id, nextWeek.id]));
    expect(listed).not.toContain(other.id);
    expect(home.tasks.rows.find((r) => r.id === co.id)).toMatchObject({ isLeadUnit: false, leadUnit: '卫健局', light: 'red' });
    // The target chart: numeric targets of its own open lead tasks only, with their achievement.
    await testDb.target.create({ data: { taskId: lead.id, metric: '医保参保人数', comparator: 'GTE', value: 200, unit: '人', actualValue: 50 } });
    await testDb.target.create({ data: { taskId: co.id, metric: '卫健局的指标', comparator: 'GTE', value: 10, unit: '个', actualValue: 10 } });
    const { targets } = await getUnitDashboard({ user: ybj, today: TODAY });
    expect(targets.find((t) => t.metric === '医保参保人数')).toMatchObject({ taskCode: lead.code, actual: 50, unit: '人', completion: 25 });
    expect(targets.map((t) => t.metric)).not.toContain('卫健局的指标');
  });

  test("the office's queues list unanswered 督办 with the overdue ones first", async () => {
    const admin = await sessionUser('admin');
    const task = await insertTaskRow({ leadUnit: 'mzj' });
    const late = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '逾期未复', responseDue: '2024-06-01' }, today: new Date('2024-05-30T10:00:00+08:00') });
    const timely = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '尚在期限内', responseDue: '2024-06-20' }, today: TODAY });
    const office = await getOfficeDashboard({ user: admin, today: TODAY });
    const ids = office.supervisions.rows.map((s) => s.id);
    expect(office.supervisions.count).toBe(await testDb.supervisionAction.count({ where: { kind: 'SUPERVISE', respondedAt: null } }));
    // The tests' open 督办 are few and this one's response day is the earliest: it heads the queue.
    expect(ids[0]).toBe(late.id);
    expect(ids).toContain(timely.id);
    expect(office.supervisions.rows[0]).toMatchObject({ overdue: true, responseDue: '2024-06-01', recipientUnit: { shortName: '民政局' } });
    expect(office.supervisions.rows.find((s) => s.id === timely.id)).toMatchObject({ overdue: false });
    // The rows come as JSON: their instants are the stored ones, as dates.
    const stored = await testDb.supervisionAction.findUniqueOrThrow({ where: { id: late.id }, select: { createdAt: true, escalatedAt: true } });
    expect(office.supervisions.rows[0]).toMatchObject({ createdAt: stored.createdAt, escalatedAt: stored.escalatedAt, text: '逾期未复' });
    expect(office.supervisions.rows[0]!.createdAt).toBeInstanceOf(Date);
    expect(office.ranking.every((unit, i, all) => i === 0 || all[i - 1]!.score >= unit.score)).toBe(true);
  });

  test("the office's review queues: pending reports and closure requests of live tasks, oldest first, counted from the index alone", async () => {
    const admin = await sessionUser('admin');
    const author = await sessionUser('mzj_staff');
    const live = await insertTaskRow({ leadUnit: 'mzj' });
    const cancelled = await insertTaskRow({ leadUnit: 'mzj', status: 'CANCELLED' });
    const report = (taskId: string, closureRequest: boolean, createdAt: Date) =>
      testDb.progressReport.create({
        data: { taskId, unitId: author.unitId!, authorId: author.id, periodKey: '2024-06', closureRequest, narrative: '-', percent: 50, targetActuals: [], createdAt },
      });
    // Older than any other test's report, so they head the queues; the cancelled task's are older still.
    const made = [
      await report(live.id, false, new Date('2000-01-02')),
      await report(live.id, true, new Date('2000-01-02')),
      await report(cancelled.id, false, new Date('2000-01-01')),
      await report(cancelled.id, true, new Date('2000-01-01')),
    ];
    try {
      const office = await getOfficeDashboard({ user: admin, today: TODAY });
      expect(office.reports.rows[0]!.id).toBe(made[0]!.id);
      expect(office.reports.rows[0]).toMatchObject({ percent: 50, periodKey: '2024-06', unit: { shortName: '民政局' }, task: { id: live.id, code: live.code, leadUnit: { shortName: '民政局' } } });
      expect(office.closures.rows[0]!.id).toBe(made[1]!.id);
      expect(office.reports.rows[0]!.createdAt).toEqual(new Date('2000-01-02T00:00:00Z'));
      expect(office.closures.rows[0]!.createdAt).toEqual(new Date('2000-01-02T00:00:00Z'));
      const pending = (closureRequest: boolean) => testDb.progressReport.count({ where: { reviewState: 'PENDING', closureRequest, task: { status: { not: 'CANCELLED' } } } });
      expect(office.reports.count).toBe(await pending(false));
      expect(office.closures.count).toBe(await pending(true));
      // Told to avoid reading the table, PostgreSQL can still count: every column it needs is in the
      // review-queue index (once vacuumed, the table's pages are known to need no visit).
      await testDb.$executeRaw`VACUUM ANALYZE "ProgressReport"`;
      const plan = await testDb.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
        return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${officeQueueCountsSql(admin)}`);
      });
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan using "ProgressReport_reviewState_closureRequest_createdAt_taskId_idx" on "ProgressReport"/);
      // Counted up to the cap and one more: with a cap of 1 every queue holding two or more says 2 (“over”).
      const [capped] = await testDb.$queryRaw<{ reports: number; closures: number }[]>(officeQueueCountsSql(admin, 1));
      expect(capped).toMatchObject({ reports: Math.min(await pending(false), 2), closures: Math.min(await pending(true), 2) });
      expect(await pending(false)).toBeGreaterThanOrEqual(2);
    } finally {
      await testDb.progressReport.deleteMany({ where: { id: { in: made.map((r) => r.id) } } });
    }
  });
  test("the office's extension queue: pending requests of live tasks, oldest first, with their task", async () => {
    const admin = await sessionUser('admin');
    const requester = await sessionUser('mzj_head');
    const live = await insertTaskRow({ leadUnit: 'mzj' });
    const cancelled = await insertTaskRow({ leadUnit: 'mzj', status: 'CANCELLED' });
    const ask = (taskId: string, createdAt: Date, decision: 'PENDING' | 'APPROVED' = 'PENDING') =>
      testDb.extensionRequest.create({
        data: { taskId, requesterId: requester.id, previousDeadline: new Date('2024-12-31'), requestedDeadline: new Date('2025-03-31'), reason: '工期顺延', decision, createdAt },
      });
    // Older than any other test's request, so they head the queue; the cancelled task's and the decided one are older still.
    const made = [await ask(live.id, new Date('2000-01-03')), await ask(cancelled.id, new Date('2000-01-01')), await ask(live.id, new Date('2000-01-02'), 'APPROVED')];
    try {
      const office = await getOfficeDashboard({ user: admin, today: TODAY });
      expect(office.extensions.rows[0]).toMatchObject({
        id: made[0]!.id,
        previousDeadline: '2024-12-31',
        requestedDeadline: '2025-03-31',
        task: { id: live.id, code: live.code, title: live.title, leadUnit: { shortName: '民政局' } },
      });
      expect(office.extensions.rows[0]!.createdAt).toEqual(new Date('2000-01-03T00:00:00Z'));
      expect(office.extensions.rows.map((row) => row.id)).not.toContain(made[1]!.id);
      expect(office.extensions.count).toBe(await testDb.extensionRequest.count({ where: { decision: 'PENDING', task: { status: { not: 'CANCELLED' } } } }));
    } finally {
      await testDb.extensionRequest.deleteMany({ where: { id: { in: made.map((r) => r.id) } } });
    }
  });

  test("the urgent list never loads a task outside the user's scope, whatever ids are asked for", async () => {
    const every = (await testDb.task.findMany({ select: { id: true } })).map((t) => ({ id: t.id, light: 'red' as const }));
    for (const username of ['fgj_staff', 'leader3', 'admin']) {
      const user = await sessionUser(username);
      const visible = (await testDb.task.findMany({ where: taskScopeWhere(user), select: { id: true } })).map((t) => t.id).sort();
      const loaded = (await loadUrgentRows({ user, found: every, today: new Date() })).map((row) => row.id).sort();
      expect({ username, loaded }).toEqual({ username, loaded: visible });
      if (username !== 'admin') expect(loaded.length).toBeLessThan(every.length);
    }
  });
});
