// `npm run bench -- [--tasks 100000] [--units 200] [--users 2000] [--seed 42] [--samples 40]
//    [--http-seconds 10] [--connections 16] [--writers 50] [--write-seconds 10] [--skip-http] [--skip-writes]
//    [--reuse] [--only-sql] [--web-workers auto]`
//
// --reuse keeps luoshi_bench when it holds a county generated with the same options (only pending
// migrations are applied), for iterating on the read stages; earlier runs' writes and imports stay
// in it, so a reported figure comes from a fresh run. --only-sql stops after the raw SQL stage.
//
// Builds a synthetic county in its own database (luoshi_bench, on the server in DATABASE_URL, reset
// and migrated each run so dev/demo data is untouched; `--tasks 1000000` works, generated in chunks),
// then measures, printing one line each:
//
//   bench: generate / refresh-lights   loading the data; the daily stored-light refresh of every task
//   bench: month-lights                 the hourly job's count of the monthly trend (every month on a day's first run)
//   bench: task-list-data-layer        listTasks() for one unit's red tasks, page 3, in process
//   bench: sql-<aggregate>             the raw SQL of each dashboard aggregate (office, leader, unit, ranking)
//   bench: plan-parse / plan-import-publish   the importer (see plan-import.ts)
//   bench: http-<view>                 each main view over HTTP (the build served as `npm run serve` does,
//                                      in --web-workers processes: one per CPU by default): single-client p50/p95, then autocannon
//                                      (loopback, --connections for --http-seconds): req/s, p50/p95/p99,
//                                      errors, and req/s as a share of the floor (a minimal signed-in route);
//                                      rendered every time (Cache-Control: no-cache, as a hard reload), then
//                                      again as http-<view> (again): the same request while nothing changed,
//                                      which the page cache answers (lib/platform/page-server.ts); and the
//                                      leader dashboard again while one report a second is filed
//   bench: write-reports               --writers concurrent lead units filing progress reports on
//                                      different tasks for --write-seconds → reports/s
//   bench: write-same-task             writers racing on one task: on one version exactly one wins, the
//                                      rest get 已被他人修改; then with optimistic retries: 0 lost updates
//                                      (LUOSHI_DB_POOL_SIZE sets the connections the writers share, default 10)
//   bench: verify                      the integrity check (audit chain, checkpoints) after the writes
//
// Runs with `--conditions=react-server` (package.json does) so the data layer's `server-only` loads.
// HTTP runs scripts/serve.mjs on the existing production build (NEXT_DIST_DIR or .next); without one it
// says so and skips HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import autocannon from 'autocannon';
import { generateCounty, BENCH_PASSWORD, type GeneratedCounty } from './generate';
import { benchLine, measure, percentile, timingOf, type Timing } from './measure';
import { PAGE_CACHE_HEADER } from '../lib/core/net/page-cache';
import { shanghaiYear } from '../lib/core/schedule/calendar-day';


const { values: flags } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    units: { type: 'string', default: '200' },
    users: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    year: { type: 'string' },
    samples: { type: 'string', default: '40' },
    'http-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    writers: { type: 'string', default: '50' },
    'write-seconds': { type: 'string', default: '10' },
    'skip-http': { type: 'boolean', default: false },
    'skip-writes': { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'only-sql': { type: 'boolean', default: false },
    // The app's processes on the one port (LUOSHI_WEB_WORKERS): one per CPU, as a server would run it.
    'web-workers': { type: 'string', default: 'auto' },
  },
});

const root = path.resolve(import.meta.dirname, '..');
// The owner (the embedded superuser): the bench creates and resets its own database.
const baseUrl = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench: DATABASE_URL is not set; run it as `npm run bench`, which starts the embedded PostgreSQL');
  process.exit(2);
}
// The machine's 1-minute load average, printed with each read figure (a shared machine skews them).
const load1 = () => `load1=${os.loadavg()[0]!.toFixed(1)}`;
const dbKind = process.env.LUOSHI_DB_KIND === 'embedded' ? 'embedded' : 'external';
const samples = Number(flags.samples);
const options = {
  tasks: Number(flags.tasks),
  units: Number(flags.units),
  users: Number(flags.users),
  seed: Number(flags.seed),
  // Deadlines spread over the current year by default, so today sees every colour.
  year: Number(flags.year ?? shanghaiYear(new Date())),
};

// Where a generated county notes its options and accounts, so --reuse can tell whether it fits.
const COUNTY_SETTING = 'bench.county';

function migrate(url: string, ...args: string[]) {
  const migrated = spawnSync('npx', ['tsx', 'scripts/migrate.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (migrated.status !== 0) throw new Error('migrating luoshi_bench failed');
}

/** With --reuse: the county already in luoshi_bench if it was generated with these options. */
async function reusableCounty(url: string): Promise<GeneratedCounty | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "value" FROM "Setting" WHERE "key" = $1`, [COUNTY_SETTING]).catch(() => ({ rows: [] }));
    const noted = rows[0]?.value as { options: typeof options; county: GeneratedCounty } | undefined;
    // jsonb reorders keys: compare option by option.
    const same = noted && (Object.keys(options) as (keyof typeof options)[]).every((key) => noted.options[key] === options[key]);
    return same ? noted.county : null;
  } finally {
    await client.end();
  }
}

/** The same server, database luoshi_bench: created if missing, then reset and migrated (or kept, see --reuse). */
async function prepareBenchDatabase(): Promise<{ url: string; county: GeneratedCounty | null }> {
  const url = new URL(baseUrl!);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'luoshi_bench'`);
    if (found.rowCount === 0) await admin.query('CREATE DATABASE luoshi_bench');
  } finally {
    await admin.end();
  }
  url.pathname = '/luoshi_bench';
  const county = flags.reuse ? await reusableCounty(url.toString()) : null;
  migrate(url.toString(), ...(county ? ['deploy'] : ['reset', '--force']));
  return { url: url.toString(), county };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A signed-in HTTP client for the app: next-auth's credentials callback, cookies kept by hand. */
async function signedInFetch(base: string, username: string) {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, username, password: BENCH_PASSWORD, callbackUrl: base, json: 'true' }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in as ${username} failed (HTTP ${signIn.status})`);
  }
  return {
    cookie: cookieHeader,
    /** The page's text, and how the page cache answered (PAGE_CACHE_HEADER). */
    get: async (pathAndQuery: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${pathAndQuery}`, { headers: { ...headers, cookie: cookieHeader() }, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${pathAndQuery}: HTTP ${response.status}`);
      return { body, cache: response.headers.get(PAGE_CACHE_HEADER) };
    },
  };
}

async function startServer(benchUrl: string): Promise<{ base: string; child: ChildProcess } | null> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log(`bench: no production build in ${distDir}/ — run \`npm run build\` first (or set NEXT_DIST_DIR); skipping the HTTP measurements`);
    return null;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // As `npm run serve` runs it: scripts/serve.mjs, in --web-workers processes on one port.
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      LUOSHI_WEB_WORKERS: flags['web-workers'],
      DATABASE_URL: benchUrl,
      NEXTAUTH_URL: base,
      NODE_ENV: 'production',
      LUOSHI_JOBS: 'off',
      LUOSHI_UPLOAD_DIR: path.join(root, 'data/bench-uploads'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.mjs exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/login`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('scripts/serve.mjs did not answer within 60 s');
}

type View = { name: string; path: string; as: (path: string, headers?: Record<string, string>) => Promise<{ body: string; cache: string | null }>; cookie: string; expect: string };

/** Asks for a page rendered afresh, as a hard reload does: the page cache renders it every time. */
const RENDER: Record<string, string> = { 'cache-control': 'no-cache' };

/** autocannon against one view: bounded in time and connections; latencies from every response. */
async function load(base: string, view: View, seconds: number, connections: number, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  const instance = autocannon({ url: `${base}${view.path}`, connections, duration: seconds, headers: { ...headers, cookie: view.cookie } });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main() {
  const prepared = performance.now();
  const { url: benchUrl, county: reused } = await prepareBenchDatabase();
  console.log(`# luoshi_bench ${reused ? 'kept (--reuse)' : 'reset'} and migrated in ${(performance.now() - prepared).toFixed(0)} ms`);

  const pool = new pg.Pool({ connectionString: benchUrl, max: 4 });
  let county = reused;
  if (!county) {
    const started = performance.now();
    county = await generateCounty(pool, options);
    const generation = timingOf([performance.now() - started]);
    console.log(`# generated ${Object.entries(county.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    console.log(benchLine('generate', { db: dbKind, n: county.counts.tasks, timing: generation }));
    await pool.query(`INSERT INTO "Setting" ("key", "value") VALUES ($1, $2)`, [COUNTY_SETTING, JSON.stringify({ options, county })]);
  }

  // The data layer reads DATABASE_URL on first use: point it at the bench database before loading it.
  // Integrity keys and the checkpoint log of the write stage stay out of the real ones.
  process.env.DATABASE_URL = benchUrl;
  // The in-process stages (the data layer, the write stage) run as the served app does, in
  // production mode: Prisma then skips capturing a stack trace on every call for its error messages.
  Object.assign(process.env, { NODE_ENV: 'production' });
  process.env.LUOSHI_KEY_DIR = path.join(root, 'data/bench-keys');
  // One log per database server (each embedded data directory holds its own luoshi_bench), so a
  // fresh county on one never deletes the log another kept county's checkpoints are in.
  const server = process.env.LUOSHI_DB_KIND === 'embedded' ? path.basename(process.env.LUOSHI_PG_DIR ?? 'pg') : new URL(benchUrl).host.replace(/[^\w.-]/g, '_');
  process.env.LUOSHI_CHECKPOINT_LOG = path.join(root, `data/bench-keys/audit-checkpoints-${server}.log`);
  // A fresh database starts a fresh log; a kept one (--reuse) keeps the log its checkpoints are in.
  if (!reused) rmSync(process.env.LUOSHI_CHECKPOINT_LOG, { force: true });
  const { Prisma } = await import('../lib/generated/prisma/client');
  const { db } = await import('../lib/server/db');
  const { listTasks, memberTaskListSql } = await import('../lib/server/tasks/list-tasks');
  const { refreshTaskLights, storedLightsAreFor, taskLightColumnSql } = await import('../lib/server/tasks/refresh-task-lights');
  const { COUNTED_TASK_SQL, figureColumnsSql, figureCountsSql } = await import('../lib/server/dashboard/task-figures-sql');
  const { leaderDashboardSql } = await import('../lib/server/dashboard/get-leader-dashboard');
  const { figureRowsSql } = await import('../lib/server/dashboard/figure-rows-sql');
  const { scopeFigureCountsSql } = await import('../lib/server/dashboard/scope-figures');
  const { summaryAnswers, summaryFiguresSql } = await import('../lib/server/dashboard/task-figure-summary');
  const { officeQueueCountsSql } = await import('../lib/server/dashboard/get-office-dashboard');
  const { parseTaskListParams } = await import('../lib/core/schemas/task-list');
  const raw = async (query: InstanceType<typeof Prisma.Sql>) => (await pool.query(query.text, query.values as unknown[])).rows;

  // What the daily job does, then what autovacuum would: visibility for index-only scans.
  const refreshStarted = performance.now();
  const refreshed = await refreshTaskLights();
  console.log(benchLine('refresh-lights', { db: dbKind, n: refreshed.changed, timing: timingOf([performance.now() - refreshStarted]) }));
  // The hourly job's count of the homes' monthly trend (the first run of a day counts every month).
  const { recordMonthLights } = await import('../lib/server/dashboard/record-month-lights');
  const trendStarted = performance.now();
  const trend = await recordMonthLights();
  console.log(benchLine('month-lights', { db: dbKind, n: trend.months, timing: timingOf([performance.now() - trendStarted]) }));
  await pool.query('VACUUM ANALYZE');

  const sessionUser = async (username: string) => {
    const { rows } = await pool.query('SELECT "id", "username", "name", "role", "unitId" FROM "User" WHERE "username" = $1', [username]);
    return rows[0] as { id: string; username: string; name: string; role: 'ADMIN' | 'LEADER' | 'UNIT_HEAD' | 'UNIT_STAFF'; unitId: string | null };
  };
  const admin = await sessionUser(county.adminUsername);
  const leader = await sessionUser(county.leaderUsernames[0]!);
  const unitHead = await sessionUser('u0001_head');
  const today = new Date();
  const light = await taskLightColumnSql(today);

  // task-list: one unit's red tasks (lead or co-unit), by deadline, page 3 of 20.
  const unitId = county.unitIds[1]!;
  const listQuery = { unitId, light: 'red', sort: 'deadline', dir: 'asc', page: '3' };
  const params = parseTaskListParams(listQuery);
  const listSql = Prisma.sql`SELECT count(*)::int AS "total" FROM "Task" t WHERE t."status" <> 'CANCELLED' AND ${light} = 'red'
    AND t."id" IN (SELECT l."id" FROM "Task" l WHERE l."leadUnitId" = ${unitId} UNION ALL SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" = ${unitId})`;
  const expectedTotal = Number((await raw(listSql))[0]?.total ?? 0);
  const listed = await listTasks({ user: admin, params, today });
  if (listed.total !== expectedTotal) throw new Error(`listTasks total ${listed.total} ≠ raw SQL total ${expectedTotal}`);
  if (expectedTotal <= 40) console.log(`# note: unit ${unitId} has only ${expectedTotal} red tasks; page 3 is empty`);
  // The raw SQL beside it is the count the data layer sends: on the unit's member rows while the
  // stored lights are today's (memberTaskListSql), else the query above.
  const memberList = (await storedLightsAreFor(today)) ? memberTaskListSql({ user: admin, params, today }) : null;
  const sentListSql = memberList ? Prisma.sql`SELECT count(*)::int AS "total" FROM "TaskScopeMember" m WHERE ${memberList.where}` : listSql;
  const rawList = await measure(() => raw(sentListSql), { samples });
  const dataLayerList = await measure(() => listTasks({ user: admin, params, today }), { samples });
  console.log(`${benchLine('task-list-data-layer', { db: dbKind, n: county.counts.tasks, timing: dataLayerList, raw: rawList })} ${load1()}`);

  // The raw SQL of each dashboard aggregate, as the data layer sends it.
  // The office's rows as the data layer scans them when the summary cannot answer (from "Task"); a
  // unit's and a leader's counts come from their scope figures (scope-figures.ts), their pages from
  // their "TaskScopeMember" rows (figureRowsSql), as the refresh above made the stored lights today's.
  const countsSql = async (user: typeof admin) => Prisma.sql`SELECT ${figureCountsSql(today)} FROM ${(await figureRowsSql({ user, today })).sql} s`;
  const leaderUnits = (await pool.query('SELECT "unitId" FROM "LeaderUnit" WHERE "leaderId" = $1', [leader.id])).rows.map((r) => r.unitId as string);
  // The office's counts and its ranking are one read of the summary table per unit and year (today's);
  // `-scan` is what they cost on a day the stored lights are not refreshed (the fallback), for comparison.
  const aggregates: [string, InstanceType<typeof Prisma.Sql>][] = [
    ['sql-office-counts', summaryFiguresSql({ today, byYear: true })],
    ['sql-office-counts-scan', await countsSql(admin)],
    ['sql-office-queue-counts', officeQueueCountsSql(admin)],
    ['sql-leader-dashboard', leaderDashboardSql({ rows: await figureRowsSql({ user: leader, today, overseenUnitIds: leaderUnits }), unitIds: leaderUnits, unitsFromSummary: await summaryAnswers({ today, unitIds: leaderUnits }), countsOf: (await summaryAnswers({ today })) ? { kind: 'leader', id: leader.id } : null, focus: 'red', page: 1, today })],
    ['sql-unit-counts', scopeFigureCountsSql({ member: { kind: 'unit', id: unitHead.unitId! }, today })],
    [
      'sql-ranking-scan',
      Prisma.sql`SELECT s."leadUnitId", ${figureCountsSql(today)} FROM (SELECT ${figureColumnsSql(today, light)} FROM "Task" t
        WHERE ${COUNTED_TASK_SQL} AND t."year" = ${options.year}) s GROUP BY s."leadUnitId"`,
    ],
  ];
  for (const [name, query] of aggregates) {
    const timing = await measure(() => raw(query), { samples });
    console.log(`${benchLine(name, { db: dbKind, n: county.counts.tasks, timing })} ${load1()}`);
  }

  if (flags['only-sql']) {
    console.log('# --only-sql: importer, HTTP and write stages skipped');
    await Promise.all([pool.end(), db.$disconnect()]);
    return;
  }

  // plan-parse and plan-import-publish: the importer on the largest seed document (once per county:
  // a kept one already holds the documents, which the importer refuses twice).
  if (reused) {
    console.log('# --reuse: importer stage skipped (the kept county holds its documents)');
  } else {
    const { measurePlanImport } = await import('./plan-import');
    const plans = await measurePlanImport({ admin, seedDir: path.join(root, 'seeds') });
    console.log(`# plan import measured on seeds/${plans.document}`);
    console.log(benchLine('plan-parse', { db: dbKind, n: plans.parse.items, timing: plans.parse.timing }));
    console.log(benchLine('plan-import-publish', { db: dbKind, n: plans.importPublish.tasks, timing: plans.importPublish.timing }));
  }

  if (flags['skip-http']) {
    console.log('# --skip-http: HTTP measurements skipped');
  } else {
    const server = await startServer(benchUrl);
    if (server) {
      try {
        const [asAdmin, asLeader, asUnit] = await Promise.all([admin, leader, unitHead].map((user) => signedInFetch(server.base, user.username)));
        const taskId = (await pool.query(`SELECT "taskId" FROM "ProgressReport" ORDER BY "id" LIMIT 1`)).rows[0]!.taskId as string;
        // Each view and a text that shows it rendered its data (React separates adjacent text with <!-- -->).
        const views: View[] = [
          { name: 'floor', path: '/api/auth/session', as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: admin.username },
          // The lightest page under the app's layout (one account row and a form): what any page costs before its data.
          { name: 'account-page', path: '/account', as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: '我的账号' },
          { name: 'office-home', path: '/', as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: '督查工作台' },
          { name: 'leader-dashboard', path: '/', as: asLeader!.get, cookie: asLeader!.cookie(), expect: '分管单位' },
          { name: 'unit-home', path: '/', as: asUnit!.get, cookie: asUnit!.cookie(), expect: '本周到期' },
          { name: 'task-list', path: '/tasks', as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: '共 ' },
          { name: 'task-list-filtered', path: `/tasks?${new URLSearchParams(listQuery)}`, as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: `共 ${expectedTotal} 条` },
          { name: 'unit-task-list', path: '/tasks', as: asUnit!.get, cookie: asUnit!.cookie(), expect: '共 ' },
          { name: 'task-page', path: `/tasks/${taskId}`, as: asAdmin!.get, cookie: asAdmin!.cookie(), expect: '进度' },
        ];
        const httpSeconds = Number(flags['http-seconds']);
        const connections = Number(flags.connections);
        let floor = 0;
        const table: string[] = [];
        const row = (name: string, single: Timing | null, loaded: Awaited<ReturnType<typeof load>>) => {
          const share = floor > 0 ? loaded.rps / floor : Number.NaN;
          console.log(
            `${benchLine(`http-${name}`, { db: dbKind, n: county.counts.tasks, timing: single ?? timingOf([]) })} rps=${loaded.rps.toFixed(1)} load_p50_ms=${loaded.p50.toFixed(0)} load_p95_ms=${loaded.p95.toFixed(0)} load_p99_ms=${loaded.p99.toFixed(0)} errors=${loaded.errors} of_floor=${share.toFixed(2)} ${load1()}`,
          );
          table.push(`| ${name} | ${single ? `${single.p50.toFixed(0)} / ${single.p95.toFixed(0)}` : '—'} | ${loaded.rps.toFixed(1)} | ${loaded.p50.toFixed(0)} / ${loaded.p95.toFixed(0)} / ${loaded.p99.toFixed(0)} | ${loaded.errors} | ${(share * 100).toFixed(0)} % | ${os.loadavg()[0]!.toFixed(1)} |`);
        };
        // Every view rendered first, then every view again: the rendered figures are not taken in
        // the wake of the thousands of requests a second the page cache answers.
        for (const view of views) {
          const { body } = await view.as(view.path, RENDER);
          if (!body.replaceAll('<!-- -->', '').includes(view.expect)) throw new Error(`GET ${view.path} (${view.name}) did not show ${view.expect}`);
          if (view.name === 'floor') {
            const loaded = await load(server.base, view, httpSeconds, connections);
            floor = loaded.rps;
            row(view.name, await measure(() => view.as(view.path), { samples }), loaded);
            continue;
          }
          // Rendered: every request rendered afresh, as on its first view or after any write.
          row(view.name, await measure(() => view.as(view.path, RENDER), { samples }), await load(server.base, view, httpSeconds, connections, RENDER));
        }
        for (const view of views.filter((view) => view.name !== 'floor')) {
          // Served again: the same request while nothing changed, answered from the page cache.
          // (Autovacuum's ANALYZE is a write too: after the stages above it may make a page stale once.)
          let repeat = await view.as(view.path);
          for (let tries = 1; repeat.cache !== 'hit' && tries < 10; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            repeat = await view.as(view.path);
          }
          if (repeat.cache !== 'hit') throw new Error(`GET ${view.path} (${view.name}) again was not served from the page cache (${repeat.cache})`);
          row(`${view.name} (again)`, await measure(() => view.as(view.path), { samples }), await load(server.base, view, httpSeconds, connections));
        }
        // The leader dashboard again while one report a second is filed (a busy county's pace): each
        // write makes every kept page stale, so the requests after it render afresh.
        const leaderView = views.find((view) => view.name === 'leader-dashboard')!;
        const { trickleReports } = await import('./writes');
        const [trickled, trickle] = await Promise.all([load(server.base, leaderView, httpSeconds, connections), trickleReports(pool, { everyMs: 1000, seconds: httpSeconds })]);
        row(`leader-dashboard (again, ${trickle.filed} reports filed meanwhile)`, null, trickled);
        console.log(`# ${connections} connections × ${httpSeconds} s per view, app in ${flags['web-workers'] === 'auto' ? os.availableParallelism() : flags['web-workers']} process(es); "(again)": the same request while nothing changed, served from the page cache\n| view | single p50 / p95 ms | req/s | load p50 / p95 / p99 ms | errors | of floor | load1 |\n|---|---|---|---|---|---|---|\n${table.join('\n')}`);
      } finally {
        server.child.kill('SIGTERM');
      }
    }
  }

  if (flags['skip-writes']) {
    console.log('# --skip-writes: write measurements skipped');
  } else {
    const { measureWrites } = await import('./writes');
    const writes = await measureWrites({ pool, writers: Number(flags.writers), seconds: Number(flags['write-seconds']) });
    const { reports, sameTask } = writes;
    console.log(`bench: write-reports db=${dbKind} n=${reports.filed} writers=${reports.writers} reports_per_s=${reports.perSecond.toFixed(1)} p50_ms=${reports.timing.p50.toFixed(1)} p95_ms=${reports.timing.p95.toFixed(1)} errors=${reports.errors} audit_shards=${reports.shards} app_cpu_ms_per_report=${reports.cpuMsPerReport.toFixed(1)} db_cpu_ms_per_report=${reports.dbCpuMsPerReport?.toFixed(1) ?? 'n/a'} pool=${process.env.LUOSHI_DB_POOL_SIZE ?? 10}`);
    console.log(`bench: write-same-task db=${dbKind} writers=${sameTask.writers} same_version_accepted=${sameTask.firstRound.accepted} same_version_stale=${sameTask.firstRound.stale} filed=${sameTask.filed} version_steps=${sameTask.versionSteps} reports=${sameTask.reports} stale_retries=${sameTask.retries} lost_updates=${sameTask.lost}`);
    console.log(`bench: verify db=${dbKind} audit_events=${writes.verify.auditEvents} problems=${writes.verify.problems.length} ms=${writes.verify.ms.toFixed(0)}`);
    for (const problem of writes.verify.problems.slice(0, 5)) console.log(`#   ${problem}`);
    const raceHeld = sameTask.firstRound.accepted === 1 && sameTask.firstRound.stale === sameTask.writers - 1;
    if (sameTask.lost !== 0 || !raceHeld || writes.verify.problems.length > 0) process.exitCode = 1;
  }
  await Promise.all([pool.end(), db.$disconnect()]);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
