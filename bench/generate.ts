// Synthetic county for benchmarks: units, leaders with 分管 units, unit heads and staff, plans,
// tasks with co-units, leaders, targets and reports. Deterministic for a seed (and year), loaded
// with one multi-row INSERT … SELECT FROM unnest(…) per table and chunk, which is what makes
// 100k tasks take seconds instead of minutes.
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import { DAY_MS, dayNumberFromYmd, isoDateFromDayNumber, shanghaiDayNumber } from '../lib/core/schedule/calendar-day';
import { periodKey } from '../lib/core/schedule/cadence';

export type GenerateOptions = { tasks: number; units: number; users: number; seed: number; year: number };
export type GeneratedCounty = {
  counts: Record<'units' | 'users' | 'leaders' | 'tasks' | 'coUnits' | 'taskLeaders' | 'targets' | 'reports', number>;
  /** Usernames to sign in with (password luoshi2024). */
  adminUsername: string;
  leaderUsernames: string[];
  unitIds: string[];
};

export const BENCH_PASSWORD = 'luoshi2024';
const CHUNK = 10_000;

/** mulberry32: small, fast, good enough to spread synthetic data; same seed → same data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(choices: readonly (readonly [T, number])[]): T => {
      let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
      return choices[choices.length - 1]![0];
    },
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDay = (dayOfYear: number, year: number) => isoDateFromDayNumber(dayNumberFromYmd(year, 1, 1) + dayOfYear);

type Column = { name: string; type: string; values: unknown[] };

/** INSERT INTO table (cols) SELECT * FROM unnest($1::type[], …), in chunks of CHUNK rows. */
async function insertColumns(client: pg.PoolClient, table: string, columns: Column[]) {
  const rows = columns[0]!.values.length;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  for (let start = 0; start < rows; start += CHUNK) {
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params})`,
      columns.map((c) => c.values.slice(start, start + CHUNK)),
    );
  }
  return rows;
}

function columnsOf<T extends Record<string, unknown>>(rows: T[], types: Record<keyof T & string, string>): Column[] {
  return Object.entries(types).map(([name, type]) => ({ name, type, values: rows.map((row) => row[name]) }));
}

const VERBS = ['推进', '完成', '实施', '新建', '改造', '建成', '落实', '提升', '培育', '引进'];
const OBJECTS = ['重点项目', '老旧小区', '农村公路', '标准厂房', '高标准农田', '污水管网', '幼儿园', '养老服务站', '市场主体', '招商项目', '电商网点', '文旅项目'];
const MEASURES = ['个', '公里', '万平方米', '亩', '所', '家', '亿元'];
const NARRATIVES = ['按计划推进，已完成阶段目标', '项目前期手续办理中', '已完成招投标，正在施工', '受天气影响进度略有滞后', '已完成年度任务的大部分'];

/** Fills an empty, migrated database. Returns row counts and the accounts the benchmark signs in with. */
export async function generateCounty(pool: pg.Pool, options: GenerateOptions): Promise<GeneratedCounty> {
  const random = prng(options.seed);
  const { year } = options;
  const now = new Date();
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 10); // once, reused by every account

  // Units: the office first, then departments and townships.
  const units = Array.from({ length: Math.max(2, options.units) }, (_, i) => ({
    id: `bu${pad(i, 5)}`,
    code: i === 0 ? 'xwb' : `u${pad(i, 4)}`,
    name: i === 0 ? '县委办公室' : `县第${i}单位`,
    shortName: i === 0 ? '县委办' : `单位${i}`,
    kind: i === 0 ? 'OTHER' : i % 5 === 0 ? 'TOWNSHIP' : 'DEPARTMENT',
    sortOrder: i,
  }));
  const workUnits = units.slice(1);

  // Users: one admin, a leader per ~20 units (each 分管 a block of units), then heads, staff and more staff.
  const leaderCount = Math.max(1, Math.round(workUnits.length / 20));
  const users: { id: string; username: string; name: string; role: string; unitId: string | null; passwordHash: string }[] = [
    { id: 'bus00000', username: 'admin', name: '督查室主任', role: 'ADMIN', unitId: units[0]!.id, passwordHash },
  ];
  const leaders = Array.from({ length: leaderCount }, (_, i) => ({
    id: `bul${pad(i, 4)}`,
    username: `leader${i + 1}`,
    name: `县领导${i + 1}`,
    role: 'LEADER',
    unitId: null,
    passwordHash,
  }));
  users.push(...leaders);
  const leaderOfUnit = new Map(workUnits.map((unit, i) => [unit.id, leaders[Math.floor((i * leaderCount) / workUnits.length)]!]));
  const staffByUnit = new Map<string, string>();
  for (let i = 0; users.length < options.users || i < workUnits.length * 2; i++) {
    const unit = workUnits[i % workUnits.length]!;
    const round = Math.floor(i / workUnits.length);
    const role = round === 0 ? 'UNIT_HEAD' : 'UNIT_STAFF';
    const suffix = round === 0 ? 'head' : round === 1 ? 'staff' : `staff${round}`;
    const id = `bus${pad(users.length, 6)}`;
    users.push({ id, username: `${unit.code}_${suffix}`, name: `${unit.shortName}${suffix}`, role, unitId: unit.id, passwordHash });
    if (round === 1) staffByUnit.set(unit.id, id);
  }

  const plans = Array.from({ length: 5 }, (_, i) => ({
    id: `bp${i}`,
    title: `${year}年重点工作任务清单（第${i + 1}批）`,
    year,
    kind: 'WORK_PLAN',
    originalText: '-',
    cleanedText: '-',
    sourceHash: `bench-${options.seed}-${i}`,
    status: 'PUBLISHED',
    updatedAt: now.toISOString(),
  }));

  const client = await pool.connect();
  // Tasks and their rows are generated and inserted CHUNK tasks at a time, so memory stays flat up to 1M tasks.
  let tasks: Record<string, unknown>[] = [];
  let coUnits: { taskId: string; unitId: string }[] = [];
  let taskLeaders: { taskId: string; leaderId: string }[] = [];
  let targets: Record<string, unknown>[] = [];
  let reports: Record<string, unknown>[] = [];
  const counts = { tasks: 0, coUnits: 0, taskLeaders: 0, targets: 0, reports: 0 };
  const flush = async () => {
    await insertColumns(
      client,
      'Task',
      columnsOf(tasks, {
        id: 'text', code: 'text', year: 'int', planId: 'text', title: 'text', sourceText: 'text', leadUnitId: 'text', startDate: 'date', deadline: 'date',
        status: '"TaskStatus"', cadence: '"ReportCadence"', reportedPercent: 'int', progressPercent: 'float8', lastReportAt: 'timestamp(3)',
        closedAt: 'timestamp(3)', createdById: 'text', updatedAt: 'timestamp(3)',
      }),
    );
    await insertColumns(client, 'TaskCoUnit', columnsOf(coUnits, { taskId: 'text', unitId: 'text' }));
    await insertColumns(client, 'TaskLeader', columnsOf(taskLeaders, { taskId: 'text', leaderId: 'text' }));
    await insertColumns(
      client,
      'Target',
      columnsOf(targets, { id: 'text', taskId: 'text', position: 'int', metric: 'text', comparator: '"Comparator"', value: 'numeric', unit: 'text', updatedAt: 'timestamp(3)' }),
    );
    await insertColumns(
      client,
      'ProgressReport',
      columnsOf(reports, { id: 'text', taskId: 'text', unitId: 'text', authorId: 'text', periodKey: 'text', narrative: 'text', percent: 'int', targetActuals: 'jsonb', reviewState: '"ReviewState"', createdAt: 'timestamp(3)' }),
    );
    counts.tasks += tasks.length;
    counts.coUnits += coUnits.length;
    counts.taskLeaders += taskLeaders.length;
    counts.targets += targets.length;
    counts.reports += reports.length;
    [tasks, coUnits, taskLeaders, targets, reports] = [[], [], [], [], []];
  };
  await client.query('BEGIN');
  try {
    await insertColumns(client, 'Unit', columnsOf(units, { id: 'text', code: 'text', name: 'text', shortName: 'text', kind: '"UnitKind"', sortOrder: 'int' }));
    await insertColumns(client, 'User', columnsOf(users, { id: 'text', username: 'text', name: 'text', role: '"Role"', unitId: 'text', passwordHash: 'text' }));
    const leaderUnits = workUnits.map((unit) => ({ leaderId: leaderOfUnit.get(unit.id)!.id, unitId: unit.id }));
    await insertColumns(client, 'LeaderUnit', columnsOf(leaderUnits, { leaderId: 'text', unitId: 'text' }));
    await insertColumns(
      client,
      'Plan',
      columnsOf(plans, { id: 'text', title: 'text', year: 'int', kind: '"PlanKind"', originalText: 'text', cleanedText: 'text', sourceHash: 'text', status: '"PlanStatus"', updatedAt: 'timestamp(3)' }),
    );
    const daysInYear = dayNumberFromYmd(year + 1, 1, 1) - dayNumberFromYmd(year, 1, 1);
    const todayOfYear = shanghaiDayNumber(now) - dayNumberFromYmd(year, 1, 1);

    for (let i = 0; i < options.tasks; i++) {
      const id = `bt${pad(i, 7)}`;
      const lead = random.pick(workUnits);
      const startDay = random.weighted([[0, 6], [random.int(0, 120), 4]] as const);
      const deadlineDay = random.int(Math.min(startDay + 30, daysInYear - 1), daysInYear - 1);
      const status = random.weighted([['ASSIGNED', 8], ['ACKNOWLEDGED', 8], ['IN_PROGRESS', 62], ['CLOSURE_REQUESTED', 5], ['CLOSED', 17]] as const);
      const cadence = random.weighted([['MONTHLY', 60], ['WEEKLY', 25], ['MILESTONE', 15]] as const);
      // Progress roughly follows elapsed time, with enough spread for every colour to occur.
      const elapsed = Math.min(1, Math.max(0, (todayOfYear - startDay + 1) / (deadlineDay - startDay + 1)));
      const progress = status === 'CLOSED' ? 100 : Math.round(Math.min(100, Math.max(0, elapsed * 100 + random.int(-45, 25))));
      const reported = status !== 'ASSIGNED' && random.next() < 0.75;
      const lastReportAt = reported ? new Date(now.getTime() - random.int(0, 50) * DAY_MS - random.int(0, 86_399) * 1000) : null;
      const quantity = random.int(2, 500);
      const measure = random.pick(MEASURES);
      const title = `${random.pick(VERBS)}${random.pick(OBJECTS)}${quantity}${measure}`;
      tasks.push({
        id,
        code: `${year}-${pad(i + 1, 6)}`,
        year,
        planId: plans[i % plans.length]!.id,
        title,
        sourceText: `全年${title}以上，确保按期完成。`,
        leadUnitId: lead.id,
        startDate: isoDay(startDay, year),
        deadline: isoDay(deadlineDay, year),
        status,
        cadence,
        reportedPercent: reported ? progress : null,
        progressPercent: progress,
        lastReportAt: lastReportAt?.toISOString() ?? null,
        closedAt: status === 'CLOSED' ? now.toISOString() : null,
        createdById: users[0]!.id,
        updatedAt: now.toISOString(),
      });
      const co = new Set<string>();
      for (let c = random.weighted([[0, 4], [1, 4], [2, 2]] as const); c > 0; c--) {
        const unit = random.pick(workUnits);
        if (unit.id !== lead.id) co.add(unit.id);
      }
      for (const unitId of co) coUnits.push({ taskId: id, unitId });
      taskLeaders.push({ taskId: id, leaderId: leaderOfUnit.get(lead.id)!.id });
      if (random.next() < 0.1) {
        const extra = random.pick(leaders);
        if (extra.id !== leaderOfUnit.get(lead.id)!.id) taskLeaders.push({ taskId: id, leaderId: extra.id });
      }
      const targetCount = random.int(1, 2);
      for (let t = 0; t < targetCount; t++) {
        targets.push({ id: `${id}g${t}`, taskId: id, position: t, metric: t === 0 ? `${title}以上` : `完成投资${quantity}万元`, comparator: 'GTE', value: quantity, unit: t === 0 ? measure : '万元', updatedAt: now.toISOString() });
      }
      if (lastReportAt) {
        reports.push({
          id: `${id}r`,
          taskId: id,
          unitId: lead.id,
          authorId: staffByUnit.get(lead.id)!,
          periodKey: periodKey('MONTHLY', lastReportAt),
          narrative: random.pick(NARRATIVES),
          percent: progress,
          targetActuals: '[]',
          reviewState: random.next() < 0.8 ? 'ACCEPTED' : 'PENDING',
          createdAt: lastReportAt.toISOString(),
        });
      }
      if (tasks.length === CHUNK) await flush();
    }
    if (tasks.length > 0) await flush();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await pool.query('ANALYZE');

  return {
    counts: {
      units: units.length,
      users: users.length,
      leaders: leaders.length,
      ...counts,
    },
    adminUsername: 'admin',
    leaderUsernames: leaders.map((leader) => leader.username),
    unitIds: workUnits.map((unit) => unit.id),
  };
}
