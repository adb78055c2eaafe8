import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { createTask } from '@/lib/server/tasks/create-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { listTasks, loadListedTasks, memberTaskListSql, taskListOrderSql, taskListWhereSql } from '@/lib/server/tasks/list-tasks';
import { refreshTaskLights, taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { exportTaskLedger } from '@/lib/server/tasks/export-task-ledger';
import { listTaskChoices } from '@/lib/server/tasks/list-task-choices';
import { taskInScopeSql, taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { parseTaskListParams, type TaskListSearch } from '@/lib/core/schemas/task-list';
import { expectedProgress, trafficLight } from '@/lib/core/schedule/progress';
import { missedReportPeriod } from '@/lib/core/schedule/cadence';
import { targetText } from '@/lib/core/targets/target-text';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';

// 2024-07-01, noon in Shanghai. Every list call pins it so the lights are known.
const TODAY = new Date('2024-07-01T04:00:00Z');
// Titles carry a tag unique to this run, and every query searches for it, so other tests' tasks never count.
const TAG = `台账x${randomBytes(3).toString('hex')}`;
const PAGE_TAG = `分页${randomBytes(3).toString('hex')}`;

type Fixture = {
  key: string;
  lead: string;
  co?: string[];
  leaders?: string[];
  start?: string;
  deadline: string;
  cadence?: 'WEEKLY' | 'MONTHLY' | 'MILESTONE';
  status?: 'ASSIGNED' | 'IN_PROGRESS' | 'CLOSED';
  progress?: number;
  lastReportAt?: Date | null;
  sourceText?: string;
  withPlan?: boolean;
};

// Expected lights on TODAY are in the comments.
const FIXTURES: Fixture[] = [
  // 50% done, 序时 50%, reported in June → green
  { key: 'A', lead: 'fgj', co: ['czj'], leaders: ['leader'], deadline: '2024-12-31', status: 'IN_PROGRESS', progress: 50, lastReportAt: new Date('2024-06-15T02:00:00Z'), withPlan: true },
  // past its deadline → red
  { key: 'B', lead: 'jyj', leaders: ['leader4'], deadline: '2024-06-30', status: 'IN_PROGRESS', progress: 90, lastReportAt: new Date('2024-06-20T02:00:00Z') },
  // due in 4 days → yellow
  { key: 'C', lead: 'czj', co: ['fgj'], deadline: '2024-07-05', status: 'IN_PROGRESS', progress: 99, lastReportAt: new Date('2024-06-28T02:00:00Z'), sourceText: '确保年底前完成老旧小区改造任务' },
  // closed → done
  { key: 'D', lead: 'fgj', deadline: '2024-05-31', status: 'CLOSED', progress: 100 },
  // nothing done at half time → red (lag 50)
  { key: 'E', lead: 'wjj', co: ['jyj'], deadline: '2024-12-31', status: 'ASSIGNED', progress: 0 },
  // milestone cadence, on schedule → green
  { key: 'F', lead: 'gaj', leaders: ['leader2'], deadline: '2024-12-31', cadence: 'MILESTONE', status: 'IN_PROGRESS', progress: 55 },
  // on schedule but no report for June → yellow (missed report); led by 张建华 though gaj is not his unit
  { key: 'G', lead: 'gaj', leaders: ['leader'], deadline: '2024-12-31', status: 'IN_PROGRESS', progress: 50, lastReportAt: null },
];

const EXPECTED_LIGHTS: Record<string, string> = { A: 'green', B: 'red', C: 'yellow', D: 'done', E: 'red', F: 'green', G: 'yellow' };

const ids = new Map<string, string>();
const codes = new Map<string, string>();
let planId = '';

async function makeTask(title: string, fixture: Fixture) {
  const admin = await sessionUser('admin');
  const task = await createTask({
    user: admin,
    input: {
      title,
      year: 2024,
      planId: fixture.withPlan ? planId : undefined,
      sourceText: fixture.sourceText,
      leadUnitId: await unitId(fixture.lead),
      coUnitIds: await Promise.all((fixture.co ?? []).map(unitId)),
      leaderIds: await Promise.all((fixture.leaders ?? []).map(async (u) => (await sessionUser(u)).id)),
      startDate: fixture.start ?? '2024-01-01',
      deadline: fixture.deadline,
      cadence: fixture.cadence ?? 'MONTHLY',
      targets: [{ metric: `${title}指标`, comparator: '>=', value: 10, valueMax: null, unit: '个' }],
    },
  });
  // Status, progress and report time come from workflows tested elsewhere; set them directly here.
  await testDb.task.update({
    where: { id: task.id },
    data: { status: fixture.status ?? 'ASSIGNED', progressPercent: fixture.progress ?? 0, lastReportAt: fixture.lastReportAt ?? null },
  });
  return task;
}

async function list(username: string, search: TaskListSearch = {}) {
  return listTasks({ user: await sessionUser(username), params: parseTaskListParams({ q: TAG, pageSize: '100', ...search }), today: TODAY });
}

async function keysOf(username: string, search: TaskListSearch = {}) {
  const { rows, total } = await list(username, search);
  const keys = rows.map((row) => row.title.slice(TAG.length + 1));
  expect(total).toBe(keys.length);
  return keys;
}

beforeAll(async () => {
  const plan =
    (await testDb.plan.findFirst({ select: { id: true } })) ??
    (await testDb.plan.create({
      data: { title: '测试计划', year: 2024, kind: 'OTHER', originalText: '-', cleanedText: '-', sourceHash: `test-${TAG}` },
      select: { id: true },
    }));
  planId = plan.id;
  for (const fixture of FIXTURES) {
    const task = await makeTask(`${TAG}-${fixture.key}`, fixture);
    ids.set(fixture.key, task.id);
    codes.set(fixture.key, task.code);
  }
  for (let i = 1; i <= 25; i++) {
    await makeTask(`${PAGE_TAG}-${String(i).padStart(2, '0')}`, { key: String(i), lead: 'tjj', deadline: `2024-12-${String(i).padStart(2, '0')}` });
  }
});

describe(`task list (${databaseKind} PostgreSQL)`, () => {
  test('rows carry what the table shows', async () => {
    const { rows } = await list('admin', { q: `${TAG}-A` });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      id: ids.get('A'),
      code: codes.get('A'),
      title: `${TAG}-A`,
      leadUnit: '发改局',
      coUnits: ['财政局'],
      leaders: ['张建华'],
      targets: [`${TAG}-A指标（不低于10个）`],
      startDate: '2024-01-01',
      deadline: '2024-12-31',
      status: 'IN_PROGRESS',
      progressPercent: 50,
      expectedPercent: 50,
      light: 'green',
    });
  });

  test('each filter narrows the list to the matching tasks', async () => {
    expect(await keysOf('admin')).toEqual(['D', 'B', 'C', 'A', 'E', 'F', 'G']);
    expect(await keysOf('admin', { unitId: await unitId('fgj') })).toEqual(['D', 'C', 'A']);
    expect(await keysOf('admin', { leaderId: (await sessionUser('leader4')).id })).toEqual(['B']);
    expect(await keysOf('admin', { leaderId: (await sessionUser('leader')).id })).toEqual(['A', 'G']);
    expect(await keysOf('admin', { planId })).toEqual(['A']);
    expect(await keysOf('admin', { status: 'CLOSED' })).toEqual(['D']);
    expect(await keysOf('admin', { status: ['ASSIGNED', 'CLOSED'] })).toEqual(['D', 'E']);
    expect(await keysOf('admin', { light: 'red' })).toEqual(['B', 'E']);
    expect(await keysOf('admin', { light: 'yellow' })).toEqual(['C', 'G']);
    expect(await keysOf('admin', { light: 'green' })).toEqual(['A', 'F']);
    expect(await keysOf('admin', { light: 'done' })).toEqual(['D']);
    expect(await keysOf('admin', { overdue: '1' })).toEqual(['B']);
    expect(await keysOf('admin', { deadlineFrom: '2024-06-30', deadlineTo: '2024-07-31' })).toEqual(['B', 'C']);
    expect(await keysOf('admin', { deadlineTo: '2024-06-29' })).toEqual(['D']);
    expect(await keysOf('admin', { unitId: await unitId('fgj'), light: 'yellow' })).toEqual(['C']);
  });

  test('text search matches title, code and source sentence, and treats % and _ literally', async () => {
    const admin = await sessionUser('admin');
    const search = (q: string) => listTasks({ user: admin, params: parseTaskListParams({ q }), today: TODAY });
    expect((await search(codes.get('E')!)).rows.map((r) => r.id)).toEqual([ids.get('E')]);
    expect((await search('老旧小区改造')).rows.map((r) => r.id)).toContain(ids.get('C'));
    expect((await search(`${TAG}-G`)).rows.map((r) => r.id)).toEqual([ids.get('G')]);
    // Latin letters match in either case.
    expect((await search(TAG.toUpperCase())).total).toBe(FIXTURES.length);
    expect((await search(`${TAG}%`)).total).toBe(0);
    expect((await search(`${TAG.slice(0, -1)}_`)).total).toBe(0);
  });

  test('the light filter agrees with the pure trafficLight for every returned row', async () => {
    for (const light of ['red', 'yellow', 'green', 'done']) {
      const { rows } = await list('admin', { light });
      for (const row of rows) {
        const task = await testDb.task.findUniqueOrThrow({ where: { id: row.id } });
        const reportMissed = missedReportPeriod({ cadence: task.cadence, startDate: task.startDate, today: TODAY, status: task.status, lastReportAt: task.lastReportAt }) !== null;
        const pure = trafficLight({
          status: task.status,
          deadline: task.deadline,
          today: TODAY,
          expected: expectedProgress(task.startDate, task.deadline, TODAY),
          actual: task.progressPercent,
          reportMissed,
        });
        expect({ key: row.title, light: pure }).toEqual({ key: row.title, light });
        expect(row.light).toBe(light);
      }
    }
    const all = await list('admin');
    expect(Object.fromEntries(all.rows.map((r) => [r.title.slice(TAG.length + 1), r.light]))).toEqual(EXPECTED_LIGHTS);
  });

  test('sorting follows the whitelist in both directions, ties broken by code', async () => {
    const sorted = async (sort: string, dir = 'asc') => keysOf('admin', { sort, dir });
    expect(await sorted('code')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(await sorted('code', 'desc')).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
    expect(await sorted('title', 'desc')).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
    expect(await sorted('deadline', 'desc')).toEqual(['A', 'E', 'F', 'G', 'C', 'B', 'D']);
    expect(await sorted('progress')).toEqual(['E', 'A', 'G', 'F', 'B', 'C', 'D']);
    expect(await sorted('status')).toEqual(['E', 'A', 'B', 'C', 'F', 'G', 'D']);
    // Directory order: 发改局(fgj) 财政局(czj) 教育局(jyj) 卫健局(wjj) 公安局(gaj)
    expect(await sorted('leadUnit')).toEqual(['A', 'D', 'C', 'B', 'E', 'F', 'G']);
    // Not on the whitelist: the default order (deadline ascending)
    expect(await sorted('"title"; DROP TABLE "Task"')).toEqual(['D', 'B', 'C', 'A', 'E', 'F', 'G']);
  });

  test('paging: the total counts every match and pages neither overlap nor skip', async () => {
    const admin = await sessionUser('admin');
    const page = (n: number) => listTasks({ user: admin, params: parseTaskListParams({ q: PAGE_TAG, page: String(n) }), today: TODAY });
    const [first, second, third] = await Promise.all([page(1), page(2), page(3)]);
    expect([first.total, second.total, third.total]).toEqual([25, 25, 25]);
    expect(first.rows).toHaveLength(20);
    expect(second.rows).toHaveLength(5);
    expect(third.rows).toHaveLength(0);
    const titles = [...first.rows, ...second.rows].map((r) => r.title);
    expect(titles).toEqual(Array.from({ length: 25 }, (_, i) => `${PAGE_TAG}-${String(i + 1).padStart(2, '0')}`));
  });

  test('a unit user sees the tasks its unit leads or co-operates on, and nothing else', async () => {
    expect(await keysOf('fgj_head')).toEqual(['D', 'C', 'A']);
    expect(await keysOf('czj_staff')).toEqual(['C', 'A']);
    expect(await keysOf('jyj_staff')).toEqual(['B', 'E']);
    expect(await keysOf('gaj_head')).toEqual(['F', 'G']);
    expect(await keysOf('tjj_head')).toEqual([]);
  });

  test("another unit's task never appears, not even when filtering by that unit", async () => {
    expect(await keysOf('jyj_staff', { unitId: await unitId('fgj') })).toEqual([]);
    expect(await keysOf('jyj_staff', { unitId: await unitId('wjj') })).toEqual(['E']);
    expect(await keysOf('jyj_staff', { q: codes.get('A')! })).toEqual([]);
    expect(await keysOf('fgj_head', { unitId: await unitId('gaj') })).toEqual([]);
    expect(await keysOf('fgj_head', { leaderId: (await sessionUser('leader2')).id })).toEqual([]);
    const unitless: SessionUser = { ...(await sessionUser('fgj_staff')), unitId: null };
    const { rows, total } = await listTasks({ user: unitless, params: parseTaskListParams({ q: TAG }), today: TODAY });
    expect({ rows, total }).toEqual({ rows: [], total: 0 });
  });

  test('a leader sees the tasks of the units he oversees (lead or co) and the tasks he leads', async () => {
    expect(await keysOf('leader')).toEqual(['D', 'C', 'A', 'G']);
    expect(await keysOf('leader4')).toEqual(['B', 'E']);
    expect(await keysOf('leader2')).toEqual(['F', 'G']);
    expect(await keysOf('leader3')).toEqual([]);
    expect(await keysOf('leader4', { unitId: await unitId('fgj') })).toEqual([]);
  });

  test('the SQL scope selects exactly the tasks of taskScopeWhere, for every role', async () => {
    const users = ['admin', 'leader', 'leader2', 'leader3', 'leader4', 'fgj_head', 'czj_staff', 'jyj_staff', 'gaj_head', 'xwb_head', 'drz_staff'];
    const accounts = await testDb.user.findMany({ where: { username: { in: users } }, select: { username: true } });
    for (const { username } of accounts) {
      const user = await sessionUser(username);
      const viaSql = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t."id" FROM "Task" t WHERE ${taskScopeSql(user)} ORDER BY t."id"`);
      const perRow = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t."id" FROM "Task" t WHERE ${taskInScopeSql(user)} ORDER BY t."id"`);
      const viaPrisma = await testDb.task.findMany({ where: taskScopeWhere(user), select: { id: true }, orderBy: { id: 'asc' } });
      expect({ username, ids: viaSql.map((r) => r.id) }).toEqual({ username, ids: viaPrisma.map((r) => r.id) });
      expect({ username, ids: perRow.map((r) => r.id) }).toEqual({ username, ids: viaPrisma.map((r) => r.id) });
    }
  });

  test("lists the member rows can answer give the tasks, order and total that \"Task\" gives", async () => {
    const now = new Date();
    await refreshTaskLights({ today: now }); // the member rows carry the stored light: today's
    const users = [await sessionUser('admin'), await sessionUser('leader'), await sessionUser('fgj_staff'), await sessionUser('czj_head')];
    const [fgj, czj] = [await unitId('fgj'), await unitId('czj')];
    const searches: TaskListSearch[] = [
      {},
      { unitId: fgj },
      { unitId: czj, light: 'red' },
      { light: 'green', sort: 'code', dir: 'desc' },
      { status: ['CLOSED', 'CANCELLED'], sort: 'status' },
      { overdue: '1', deadlineFrom: '2024-01-01' },
      { deadlineTo: '2024-09-30', pageSize: '10', page: '2' },
    ];
    let answered = 0;
    for (const user of users) {
      for (const search of searches) {
        const params = parseTaskListParams(search);
        if (memberTaskListSql({ user, params, today: now })) answered += 1;
        const where = await taskListWhereSql({ user, params, today: now, light: await taskLightColumnSql(now) });
        const expected = await testDb.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t."id" FROM "Task" t WHERE ${where} ORDER BY ${taskListOrderSql(params)}`);
        const listed = await listTasks({ user, params, today: now });
        const offset = (params.page - 1) * params.pageSize;
        expect([user.username, search, listed.total]).toEqual([user.username, search, expected.length]);
        expect(listed.rows.map((row) => row.id)).toEqual(expected.slice(offset, offset + params.pageSize).map((row) => row.id));
      }
    }
    expect(answered).toBeGreaterThanOrEqual(20); // all but the office's lists without a unit
  });

  test('co-units in directory order, every leader, and each target as text, in the list and the ledger alike', async () => {
    const admin = await sessionUser('admin');
    const units = await testDb.unit.findMany({ where: { code: { in: ['czj', 'jyj', 'gaj'] } }, select: { id: true, name: true, shortName: true, sortOrder: true } });
    const inDirectoryOrder = [...units].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
    const leaders = await Promise.all(['leader', 'leader2'].map(sessionUser));
    const title = `多方${randomBytes(3).toString('hex')}`; // not under TAG: the other tests count TAG's tasks
    const task = await createTask({
      user: admin,
      input: {
        title,
        year: 2024,
        leadUnitId: await unitId('fgj'),
        coUnitIds: [...inDirectoryOrder].reverse().map((u) => u.id),
        leaderIds: leaders.map((l) => l.id),
        startDate: '2024-01-01',
        deadline: '2024-12-31',
        cadence: 'MONTHLY',
        targets: [
          { metric: '开工率', comparator: '>=', value: 90.5, valueMax: null, unit: '%' },
          { metric: '投资', comparator: 'range', value: 12.25, valueMax: 15, unit: '亿元' },
          { metric: '新建项目', comparator: '>=', value: null, valueMax: null, unit: '个', placeholder: true },
        ],
      },
    });
    const stored = await testDb.target.findMany({ where: { taskId: task.id }, orderBy: { position: 'asc' } });
    const texts = stored.map((t) => targetText(t.metric, storedTargetFigure(t)));
    expect(texts).toHaveLength(3);
    const leaderNames = [...leaders].sort((a, b) => a.id.localeCompare(b.id)).map((l) => l.name);

    const { rows } = await list('admin', { q: title });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ leadUnit: '发改局', coUnits: inDirectoryOrder.map((u) => u.shortName), leaders: leaderNames, targets: texts });
    const exported = await exportTaskLedger({ user: admin, params: parseTaskListParams({ q: title }), today: TODAY });
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ leadUnit: '县发展和改革局', coUnits: inDirectoryOrder.map((u) => u.name), leaders: leaderNames, targets: texts });
    // A unit outside the task sees nothing of it, in either.
    expect((await list('tjj_staff', { q: title })).rows).toHaveLength(0);
    expect(await exportTaskLedger({ user: await sessionUser('tjj_staff'), params: parseTaskListParams({ q: title }), today: TODAY })).toHaveLength(0);
  });

  test("the rows of tasks outside the user's scope are never loaded, whatever ids are asked for", async () => {
    const every = (await testDb.task.findMany({ select: { id: true } })).map((t) => t.id);
    for (const username of ['fgj_staff', 'leader2', 'admin']) {
      const user = await sessionUser(username);
      const visible = (await testDb.task.findMany({ where: taskScopeWhere(user), select: { id: true } })).map((t) => t.id).sort();
      const loaded = (await loadListedTasks({ user, ids: every, unitName: 'shortName' })).map((t) => t.id).sort();
      expect({ username, loaded }).toEqual({ username, loaded: visible });
      if (username !== 'admin') expect(loaded.length).toBeLessThan(every.length);
    }
  });

  test('the ledger export holds the same tasks, in the same order, as the list', async () => {
    for (const username of ['admin', 'leader', 'fgj_head', 'jyj_staff', 'tjj_head']) {
      const user = await sessionUser(username);
      for (const search of [{}, { light: 'red' }, { unitId: await unitId('fgj') }, { sort: 'code', dir: 'desc' }] as TaskListSearch[]) {
        const params = parseTaskListParams({ q: TAG, pageSize: '100', ...search });
        const [listed, exported] = await Promise.all([listTasks({ user, params, today: TODAY }), exportTaskLedger({ user, params, today: TODAY })]);
        expect({ username, search, titles: exported.map((r) => r.title) }).toEqual({ username, search, titles: listed.rows.map((r) => r.title) });
      }
    }
  });

  test('an export over the cap is refused with a message, before any row is loaded', async () => {
    const params = parseTaskListParams({ q: TAG });
    await expect(exportTaskLedger({ user: await sessionUser('admin'), params, today: TODAY, cap: 6 })).rejects.toThrow(
      '符合条件的任务有 7 条，超过单次导出上限 6 条，请先筛选后再导出',
    );
    expect(await exportTaskLedger({ user: await sessionUser('admin'), params, today: TODAY, cap: 7 })).toHaveLength(7);
  });

  test('ledger rows carry names, targets, the latest report and the status with its light', async () => {
    const taskId = ids.get('C')!;
    const fgjStaff = await testDb.user.findUniqueOrThrow({ where: { username: 'czj_staff' } });
    const base = { taskId, unitId: fgjStaff.unitId!, authorId: fgjStaff.id, targetActuals: [] };
    await testDb.progressReport.create({ data: { ...base, periodKey: '2024-05', narrative: '完成改造60%', percent: 60, createdAt: new Date('2024-05-30T02:00:00Z') } });
    await testDb.progressReport.create({ data: { ...base, periodKey: '2024-06', narrative: '完成改造99%', percent: 99, createdAt: new Date('2024-06-28T02:00:00Z') } });
    await testDb.progressReport.create({
      data: { ...base, periodKey: '2024-06', narrative: '被退回的报送', percent: 100, reviewState: 'RETURNED', createdAt: new Date('2024-06-29T02:00:00Z') },
    });
    const [row] = await exportTaskLedger({ user: await sessionUser('fgj_head'), params: parseTaskListParams({ q: `${TAG}-C` }), today: TODAY });
    const { code } = await testDb.task.findUniqueOrThrow({ where: { id: taskId }, select: { code: true } });
    expect(row).toEqual({
      code,
      year: 2024,
      title: `${TAG}-C`,
      leaders: [],
      leadUnit: '县财政局',
      coUnits: ['县发展和改革局'],
      deadline: new Date('2024-07-05T00:00:00Z'),
      targets: [`${TAG}-C指标（不低于10个）`],
      progress: { narrative: '完成改造99%', percent: 99 },
      status: 'IN_PROGRESS',
      light: 'yellow',
    });
  });

  test('two targets read from one phrase show with their figures in the list and the ledger', async () => {
    const title = `两指标${randomBytes(3).toString('hex')}`;
    const phrase = '完成投资43.8亿元、新增47个';
    await createTask({
      user: await sessionUser('admin'),
      input: {
        title,
        year: 2024,
        leadUnitId: await unitId('fgj'),
        startDate: '2024-01-01',
        deadline: '2024-12-31',
        targets: [
          { metric: phrase, comparator: '>=', value: 43.8, valueMax: null, unit: '亿元' },
          { metric: phrase, comparator: '=', value: 47, valueMax: null, unit: '个' },
          { metric: '新建项目XXX个', comparator: '>=', value: null, valueMax: null, unit: '个', placeholder: true },
        ],
      },
    });
    const expected = [`${phrase}（不低于43.8亿元）`, `${phrase}（达到47个）`, '新建项目XXX个'];
    const params = parseTaskListParams({ q: title });
    const { rows } = await listTasks({ user: await sessionUser('fgj_head'), params, today: TODAY });
    expect(rows.map((row) => row.targets)).toEqual([expected]);
    const ledger = await exportTaskLedger({ user: await sessionUser('fgj_head'), params, today: TODAY });
    expect(ledger.map((row) => row.targets)).toEqual([expected]);
  });

  test('filter options only offer what the user may see', async () => {
    const unitOptions = async (username: string) => (await listTaskChoices({ user: await sessionUser(username) })).units.map((u) => u.shortName);
    expect(await unitOptions('jyj_staff')).toEqual(['教育局']);
    expect(await unitOptions('leader')).toEqual(['发改局', '工信局', '财政局', '商务局', '统计局', '招商局']);
    expect((await unitOptions('admin')).length).toBe(await testDb.unit.count());
    const jyj = await sessionUser('jyj_staff');
    const jyjLeaders = (await listTaskChoices({ user: jyj })).leaders.map((l) => l.name);
    const leadingInScope = await testDb.taskLeader.findMany({ where: { task: taskScopeWhere(jyj) }, select: { leader: { select: { name: true } } } });
    expect(new Set(jyjLeaders)).toEqual(new Set(leadingInScope.map((l) => l.leader.name)));
    expect(jyjLeaders).toContain('陈晓梅');
    expect((await listTaskChoices({ user: await sessionUser('leader') })).leaders.length).toBe(await testDb.user.count({ where: { role: 'LEADER' } }));
  });

  test("a unit user's leader choices are the active leaders leading a task in its scope, as the Prisma relation filter says", async () => {
    const unitUsers = await testDb.user.findMany({ where: { role: { in: ['UNIT_HEAD', 'UNIT_STAFF'] } }, select: { username: true }, orderBy: { username: 'asc' } });
    const sizes: number[] = [];
    for (const { username } of unitUsers) {
      const user = await sessionUser(username);
      const expected = await testDb.user.findMany({
        where: { role: 'LEADER', active: true, ledTasks: { some: { task: taskScopeWhere(user) } } },
        select: { id: true, name: true, title: true },
        orderBy: { username: 'asc' },
      });
      expect((await listTaskChoices({ user })).leaders, username).toEqual(expected);
      sizes.push(expected.length);
    }
    // The comparison means something: some units have several leaders to offer, some none; czj has 张建华 at least through its co-unit task A.
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(sizes).toContain(0);
    expect((await listTaskChoices({ user: await sessionUser('czj_head') })).leaders.map((l) => l.name)).toContain('张建华');
    // A deactivated leader is no longer offered, though he still leads task B of jyj.
    const jyj = await sessionUser('jyj_staff');
    const leader4 = await sessionUser('leader4');
    const offered = async () => (await listTaskChoices({ user: jyj })).leaders.map((l) => l.id);
    expect(await offered()).toContain(leader4.id);
    await testDb.user.update({ where: { id: leader4.id }, data: { active: false } });
    try {
      expect(await offered()).not.toContain(leader4.id);
    } finally {
      await testDb.user.update({ where: { id: leader4.id }, data: { active: true } });
    }
  });

  test("the office's total without filters, or by status alone, is a real count of tasks, also after one is created and cancelled", async () => {
    const admin = await sessionUser('admin');
    const searches: TaskListSearch[] = [{}, { status: 'CLOSED' }, { status: ['ASSIGNED', 'CANCELLED'] }, { status: 'CANCELLED' }];
    const totals = () => Promise.all(searches.map(async (search) => (await listTasks({ user: admin, params: parseTaskListParams(search), today: TODAY })).total));
    const counts = () =>
      Promise.all([
        testDb.task.count({ where: { status: { not: 'CANCELLED' } } }),
        testDb.task.count({ where: { status: 'CLOSED' } }),
        testDb.task.count({ where: { status: { in: ['ASSIGNED', 'CANCELLED'] } } }),
        testDb.task.count({ where: { status: 'CANCELLED' } }),
      ]);
    const before = await counts();
    expect(await totals()).toEqual(before);
    // Not tagged: the other tests' searches must not find it.
    const task = await makeTask(`计数${randomBytes(3).toString('hex')}`, { key: 'counted', lead: 'tjj', deadline: '2024-12-31' });
    expect(await totals()).toEqual(await counts());
    expect(await totals()).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]]);
    const { version } = await testDb.task.findUniqueOrThrow({ where: { id: task.id }, select: { version: true } });
    await cancelTask({ user: admin, input: { taskId: task.id, version, reason: '测试撤销后的计数' } });
    expect(await totals()).toEqual(await counts());
    expect(await totals()).toEqual([before[0], before[1], before[2]! + 1, before[3]! + 1]);
  });
});
