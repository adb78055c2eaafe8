// `npm run bench -- [--tasks 100000] [--units 200] [--users 2000] [--seed 42] [--samples 40] [--skip-http]`
//
// Builds a synthetic county in its own database (luoshi_bench, on the server in DATABASE_URL, reset
// and migrated each run so dev/demo data is untouched), then measures, printing one line each:
//
//   bench: generate              loading the synthetic data (one sample)
//   bench: task-list             GET /tasks?unitId=…&light=red&sort=deadline&page=3 as the office, over HTTP
//   bench: task-list-data-layer  listTasks() for the same question, in process
//   bench: leader-dashboard      GET / as a county leader, over HTTP
//   bench: plan-parse            parsePlan on the largest seed document (see plan-import.ts)
//   bench: plan-import-publish   createPlanDraft + publishPlan of that document as the office
//
// with raw_p50_ms/raw_p95_ms for the raw SQL answering the same question. Runs with
// `--conditions=react-server` (package.json does) so the data layer's `server-only` loads. HTTP runs `next start`
// on the existing production build (NEXT_DIST_DIR or .next); without one it says so and skips HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateCounty, BENCH_PASSWORD } from './generate';
import { benchLine, measure, timingOf } from './measure';
import { shanghaiYear } from '../lib/core/schedule/calendar-day';


const { values: flags } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    units: { type: 'string', default: '200' },
    users: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    year: { type: 'string' },
    samples: { type: 'string', default: '40' },
    'skip-http': { type: 'boolean', default: false },
  },
});

const root = path.resolve(import.meta.dirname, '..');
// The owner (the embedded superuser): the bench creates and resets its own database.
const baseUrl = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench: DATABASE_URL is not set; run it as `npm run bench`, which starts the embedded PostgreSQL');
  process.exit(2);
}
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

/** The same server, database luoshi_bench: created if missing, then reset and migrated. */
async function prepareBenchDatabase(): Promise<string> {
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
  const migrated = spawnSync('npx', ['tsx', 'scripts/migrate.ts', 'reset', '--force'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_OWNER_URL: url.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (migrated.status !== 0) throw new Error('migrating luoshi_bench failed');
  return url.toString();
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
  return async (pathAndQuery: string) => {
    const response = await fetch(`${base}${pathAndQuery}`, { headers: { cookie: cookieHeader() }, redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${pathAndQuery}: HTTP ${response.status}`);
    return body;
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
  const child = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      NEXTAUTH_URL: base,
      NODE_ENV: 'production',
      LUOSHI_JOBS_INTERVAL_MINUTES: '0',
      LUOSHI_UPLOAD_DIR: path.join(root, 'data/bench-uploads'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/login`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('next start did not answer within 60 s');
}

async function main() {
  const prepared = performance.now();
  const benchUrl = await prepareBenchDatabase();
  console.log(`# luoshi_bench reset and migrated in ${(performance.now() - prepared).toFixed(0)} ms`);

  const pool = new pg.Pool({ connectionString: benchUrl, max: 4 });
  const started = performance.now();
  const county = await generateCounty(pool, options);
  const generation = timingOf([performance.now() - started]);
  console.log(`# generated ${Object.entries(county.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  console.log(benchLine('generate', { db: dbKind, n: county.counts.tasks, timing: generation }));

  // The data layer reads DATABASE_URL on first use: point it at the bench database before loading it.
  process.env.DATABASE_URL = benchUrl;
  const { Prisma } = await import('../lib/generated/prisma/client');
  const { db } = await import('../lib/server/db');
  const { listTasks } = await import('../lib/server/tasks/list-tasks');
  const { taskLightSql } = await import('../lib/server/tasks/light-sql');
  const { taskScopeSql } = await import('../lib/server/tasks/task-scope-sql');
  const { parseTaskListParams } = await import('../lib/core/schemas/task-list');
  const raw = async (query: InstanceType<typeof Prisma.Sql>) => (await pool.query(query.text, query.values as unknown[])).rows;

  const sessionUser = async (username: string) => {
    const { rows } = await pool.query('SELECT "id", "username", "name", "role", "unitId" FROM "User" WHERE "username" = $1', [username]);
    return rows[0] as { id: string; username: string; name: string; role: 'ADMIN' | 'LEADER' | 'UNIT_HEAD' | 'UNIT_STAFF'; unitId: string | null };
  };
  const admin = await sessionUser(county.adminUsername);
  const leader = await sessionUser(county.leaderUsernames[0]!);
  const today = new Date();

  // task-list: one unit's red tasks (lead or co-unit), by deadline, page 3 of 20.
  const unitId = county.unitIds[1]!;
  const listQuery = { unitId, light: 'red', sort: 'deadline', dir: 'asc', page: '3' };
  const params = parseTaskListParams(listQuery);
  const light = taskLightSql(today);
  // Hand-written: the matching set once (a materialised CTE), the page joined to its names, the count.
  const listSql = Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT t."id", t."code", t."deadline", ${light} AS "light" FROM "Task" t
      WHERE t."id" IN (SELECT l."id" FROM "Task" l WHERE l."leadUnitId" = ${unitId} UNION ALL SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" = ${unitId})
    )
    SELECT t."id", t."code", t."title", u."shortName", t."deadline", t."status", t."progressPercent", p."light",
      (SELECT count(*) FROM m WHERE m."light" = 'red') AS "total"
    FROM (SELECT * FROM m WHERE m."light" = 'red' ORDER BY m."deadline", m."code" LIMIT 20 OFFSET 40) p
    JOIN "Task" t ON t."id" = p."id" JOIN "Unit" u ON u."id" = t."leadUnitId"
    ORDER BY p."deadline", p."code"`;
  const expectedTotal = Number((await raw(listSql))[0]?.total ?? 0);
  const listed = await listTasks({ user: admin, params, today });
  if (listed.total !== expectedTotal) throw new Error(`listTasks total ${listed.total} ≠ raw SQL total ${expectedTotal}`);
  if (expectedTotal <= 40) console.log(`# note: unit ${unitId} has only ${expectedTotal} red tasks; page 3 is empty`);
  const rawList = await measure(() => raw(listSql), { samples });
  const dataLayerList = await measure(() => listTasks({ user: admin, params, today }), { samples });
  console.log(benchLine('task-list-data-layer', { db: dbKind, n: county.counts.tasks, timing: dataLayerList, raw: rawList }));

  // plan-parse and plan-import-publish: the importer on the largest seed document.
  const { measurePlanImport } = await import('./plan-import');
  const plans = await measurePlanImport({ admin, seedDir: path.join(root, 'seeds') });
  console.log(`# plan import measured on seeds/${plans.document}`);
  console.log(benchLine('plan-parse', { db: dbKind, n: plans.parse.items, timing: plans.parse.timing }));
  console.log(benchLine('plan-import-publish', { db: dbKind, n: plans.importPublish.tasks, timing: plans.importPublish.timing }));

  // leader-dashboard: its main aggregation is the leader's tasks counted by light.
  const dashboardSql = Prisma.sql`SELECT ${light} AS "light", count(*)::int AS "count" FROM "Task" t WHERE ${taskScopeSql(leader)} GROUP BY 1`;
  const rawDashboard = await measure(() => raw(dashboardSql), { samples });

  if (flags['skip-http']) {
    console.log('# --skip-http: HTTP measurements skipped');
  } else {
    const server = await startServer(benchUrl);
    if (server) {
      try {
        const asAdmin = await signedInFetch(server.base, admin.username);
        const listPath = `/tasks?${new URLSearchParams(listQuery)}`;
        const page = await asAdmin(listPath);
        // React separates adjacent text with <!-- --> in server HTML.
        if (!page.replaceAll('<!-- -->', '').includes(`共 ${expectedTotal} 条`)) throw new Error(`GET ${listPath} did not show 共 ${expectedTotal} 条`);
        const httpList = await measure(() => asAdmin(listPath), { samples });
        console.log(benchLine('task-list', { db: dbKind, n: county.counts.tasks, timing: httpList, raw: rawList }));

        const asLeader = await signedInFetch(server.base, leader.username);
        const httpDashboard = await measure(() => asLeader('/'), { samples });
        console.log(benchLine('leader-dashboard', { db: dbKind, n: county.counts.tasks, timing: httpDashboard, raw: rawDashboard }));
      } finally {
        server.child.kill('SIGTERM');
      }
    }
  }
  await Promise.all([pool.end(), db.$disconnect()]);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
