// Two app servers (`npm run serve`'s launcher, scripts/serve.mjs, as in production) on one database,
// with attachments in an S3-compatible store (s3rver on loopback) and the job queue on: what one
// server writes the other serves, a session works on both, a page one server keeps is served again
// only while nothing changed, and a job both servers schedule runs once. The second server runs two
// worker processes on its port, so three processes schedule the job.
// Needs a build (`npm test` runs this after `next build`; NEXT_DIST_DIR picks another one).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { JOB_QUEUE_SCHEMA } from '@/lib/server/jobs/start-scheduled-jobs';
import { SCHEDULED_JOBS } from '@/lib/server/jobs/job-registry';
import { PAGE_CACHE_HEADER } from '@/lib/core/net/page-cache';
import { sessionUser, testDb } from '../support/db';
import { startS3Server, type TestS3Server } from '../support/s3-server';
import { cronForOneMinuteSoon, waitFor } from '../support/job-schedule';
import { PDF_BYTES, TODAY, pdf, taskVersion, workflowTask } from '../support/workflow';

const PORTS = [Number(process.env.MULTI_PORT_A ?? 3402), Number(process.env.MULTI_PORT_B ?? 3403)] as const;
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const JOB = SCHEDULED_JOBS[0]!.name;

let s3: TestS3Server;
const servers: ChildProcess[] = [];
const base = (server: 0 | 1) => `http://127.0.0.1:${PORTS[server]}`;

function startServer(port: number, workers: number) {
  const child = spawn(process.execPath, [path.resolve('scripts/serve.mjs'), '--hostname', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      LUOSHI_WEB_WORKERS: String(workers),
      ...s3.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LUOSHI_JOBS: 'on',
      // Not used with S3: a server that wrote here instead would fail the other server's read.
      LUOSHI_UPLOAD_DIR: path.resolve(`data/uploads-two-servers-${port}`),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[server ${port}] ${chunk}`));
  servers.push(child);
}

async function queueInstalled() {
  const [row] = await testDb.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS ok`);
  return Boolean(row?.ok);
}

/** Signs in through next-auth's credentials endpoint on `server`; returns the Cookie header. */
async function signIn(server: 0 | 1, username: string): Promise<string> {
  const csrf = await fetch(`${base(server)}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${base(server)}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, Origin: base(server) },
    body: new URLSearchParams({ csrfToken, username, password: 'luoshi2024', json: 'true' }),
    redirect: 'manual',
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${username} on server ${server} failed: ${response.status}`);
  return session.split(';')[0]!;
}

const get = (server: 0 | 1, route: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${base(server)}${route}`, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) }, redirect: 'manual' });

/** The nonce of a response's Content-Security-Policy, and every nonce its page's scripts carry. */
async function noncesOf(response: Response) {
  const policy = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  const scripts = new Set([...(await response.text()).matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));
  return { policy, scripts: [...scripts] };
}

const health = async (server: 0 | 1) => (await (await get(server, '/api/health')).json()) as { lastScheduledRun: { job: string; at: string; ok: boolean } | null; uploads: unknown };

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no build in ${DIST_DIR}: run \`next build\` first (npm test does)`);
  s3 = await startS3Server({ port: Number(process.env.MULTI_S3_PORT ?? 0) });
  // The data layer in this process writes to the same bucket.
  Object.assign(process.env, s3.env);
  // No runs from earlier test runs of this database.
  if (await queueInstalled()) await testDb.$executeRawUnsafe(`TRUNCATE "${JOB_QUEUE_SCHEMA}".schedule, "${JOB_QUEUE_SCHEMA}".job, "${JOB_QUEUE_SCHEMA}".archive`);
  startServer(PORTS[0], 1);
  startServer(PORTS[1], 2);
  for (const server of [0, 1] as const) {
    await waitFor(async () => (await get(server, '/login').catch(() => null))?.status === 200, 30_000, `server ${server} to serve`);
  }
});

afterAll(async () => {
  for (const child of servers) child.kill('SIGTERM');
  await Promise.all(servers.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  await s3?.close();
});

describe('two app servers on one database, attachments in S3', () => {
  test('a report filed with an attachment is read, attachment included, on the other server; a session works on both until revoked', async () => {
    const task = await workflowTask('两台服务器');
    const report = await fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '两台服务器之间的报送', percent: 30 },
      files: [pdf('两台服务器.pdf')],
      today: TODAY,
    });
    const storedName = (report.attachments as { storedName: string }[])[0]!.storedName;

    const cookie = await signIn(0, 'leader');
    // Server 1's two workers take turns: each answers with the same session.
    for (const server of [0, 1, 1] as const) {
      const page = await get(server, `/tasks/${task.id}`, cookie);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('两台服务器之间的报送');
    }
    const download = await get(1, `/api/attachments/${report.id}/${storedName}`, cookie);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF_BYTES);
    expect((await get(1, `/api/attachments/${report.id}/${storedName}`)).status).toBe(401);

    // Signing out anywhere (the session revoked in the database) ends it on both servers at once.
    await testDb.userSession.updateMany({ where: { userId: (await sessionUser('leader')).id, revokedAt: null }, data: { revokedAt: new Date() } });
    for (const server of [0, 1, 1] as const) expect((await get(server, `/api/attachments/${report.id}/${storedName}`, cookie)).status).toBe(401);
  });

  test('a page is served again from the cache only while no server wrote, under a fresh nonce, to its own session only', async () => {
    const task = await workflowTask('页面缓存');
    const route = `/tasks/${task.id}`;
    const cookie = await signIn(1, 'leader');
    const cacheOf = (response: Response) => response.headers.get(PAGE_CACHE_HEADER);

    // Rendered, then served again while the database is unchanged (the job queue's own writes may
    // come between two requests, so it is asked until a repeat is served from the cache).
    let previous = await get(0, route, cookie);
    expect(previous.status).toBe(200);
    let repeat = previous;
    await waitFor(async () => {
      previous = repeat;
      repeat = await get(0, route, cookie);
      return cacheOf(repeat) === 'hit';
    }, 20_000, 'a repeat served from the cache');
    const [before, kept] = [await noncesOf(previous), await noncesOf(repeat)];
    expect(kept.policy).toBeTruthy();
    expect(kept.scripts).toEqual([kept.policy]);
    expect(kept.policy).not.toBe(before.policy);

    // Another user asking for the same page gets their own answer, never the kept one: here a unit
    // outside the task's scope is refused.
    const outsider = await get(0, route, await signIn(0, 'jyj_staff'));
    expect(outsider.status).toBe(404);
    expect(cacheOf(outsider)).not.toBe('hit');

    // A write committed through another process (this one's data layer) is seen at once.
    await fileProgressReport({
      user: await sessionUser('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '缓存之后的新报送', percent: 40 },
      files: [],
      today: TODAY,
    });
    const after = await get(0, route, cookie);
    expect(cacheOf(after)).toBe('miss');
    expect(await after.text()).toContain('缓存之后的新报送');

    // A hard reload renders afresh; a revoked session is signed out, not served its kept page.
    expect(cacheOf(await get(0, route, cookie, { 'Cache-Control': 'no-cache' }))).toBe('refresh');
    await testDb.userSession.updateMany({ where: { userId: (await sessionUser('leader')).id, revokedAt: null }, data: { revokedAt: new Date() } });
    const revoked = await get(0, route, cookie);
    expect(revoked.status).toBe(307);
    expect(revoked.headers.get('location')).toContain('/login');
  });

  test('after a write, clients asking for the same page at once share one render', async () => {
    const task = await workflowTask('同时请求');
    const route = `/tasks/${task.id}`;
    const cookie = await signIn(0, 'leader');
    let version = await taskVersion(task.id);
    // The job queue's own writes may fall between the requests: the round is repeated until one
    // runs on one snapshot. Without sharing, each of the eight requests renders.
    await waitFor(async () => {
      await fileProgressReport({ user: await sessionUser('fgj_staff'), input: { taskId: task.id, version: version++, narrative: '同时请求', percent: 10 }, files: [], today: TODAY });
      const answers = await Promise.all(Array.from({ length: 8 }, () => get(0, route, cookie)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
      const caches = answers.map((answer) => answer.headers.get(PAGE_CACHE_HEADER));
      return caches.filter((cache) => cache === 'miss').length === 1 && caches.filter((cache) => cache === 'hit').length === 7;
    }, 20_000, 'one render shared by eight requests');
  });

  test('a client that leaves before its page is sent keeps nobody waiting for that render', async () => {
    const task = await workflowTask('中途离开');
    const route = `/tasks/${task.id}`;
    const cookie = await signIn(0, 'leader');
    let version = await taskVersion(task.id);
    for (let round = 0; round < 12; round++) {
      // A write first, so the page is rendered afresh; the client leaves 0–11 ms after asking: while
      // the snapshot or the session is read, or during the render.
      await fileProgressReport({ user: await sessionUser('fgj_staff'), input: { taskId: task.id, version: version++, narrative: '中途离开', percent: 20 }, files: [], today: TODAY });
      const leaving = new AbortController();
      const left = fetch(`${base(0)}${route}`, { headers: { Cookie: cookie }, signal: leaving.signal }).then((answer) => answer.text()).catch(() => null);
      setTimeout(() => leaving.abort(), round);
      await left;
      // The next request for the page is answered at once, not after a wait for the abandoned render.
      const next = await fetch(`${base(0)}${route}`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(4_000) });
      expect(next.status).toBe(200);
      expect(await next.text()).toContain('中途离开');
    }
  });

  test('a job both servers schedule runs once, and both report the shared record of its run', async () => {
    const { cron } = cronForOneMinuteSoon();
    // Both servers have scheduled the registry's jobs; one fires once, soon. A server still starting
    // schedules the registry's cron again, so the override is repeated until the run.
    const override = () => testDb.$executeRawUnsafe(`UPDATE "${JOB_QUEUE_SCHEMA}".schedule SET cron = $1 WHERE name = $2 AND cron <> $1`, cron, JOB);
    const runs = () => testDb.$queryRawUnsafe<{ state: string; at: Date | null }[]>(`SELECT state::text AS state, completed_on AS at FROM "${JOB_QUEUE_SCHEMA}".job WHERE name = $1`, JOB);
    await waitFor(async () => (await queueInstalled()) && (await override(), (await runs()).some((run) => run.state === 'completed')), 50_000, 'the scheduled run');
    const ranAt = (await runs())[0]!.at!;

    // The health check of either server reads the shared record (other jobs of the registry may have run since).
    for (const server of [0, 1] as const) {
      const last = (await health(server)).lastScheduledRun;
      expect(last?.ok).toBe(true);
      expect(new Date(last!.at).getTime()).toBeGreaterThanOrEqual(ranAt.getTime());
    }

    // A later check of the schedule (by either server, every 10 s) must not send it again. The wait
    // allows several intervals: this runs beside the integration and end-to-end tests on two cores,
    // and a busy server's timers run late (15 s was once too short in a full run).
    const cronCheckedAt = async () => (await testDb.$queryRawUnsafe<{ at: Date }[]>(`SELECT cron_on AS at FROM "${JOB_QUEUE_SCHEMA}".version`))[0]!.at;
    await waitFor(async () => (await cronCheckedAt()) > ranAt, 45_000, 'the next check of the schedule');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await runs()).map((run) => run.state)).toEqual(['completed']);
  }, 150_000);
});
