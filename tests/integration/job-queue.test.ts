import { afterAll, describe, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { JOB_QUEUE_SCHEMA, startJobQueue } from '@/lib/server/jobs/start-scheduled-jobs';
import { lastScheduledRun } from '@/lib/server/jobs/last-scheduled-run';
import { SCHEDULED_JOBS } from '@/lib/server/jobs/job-registry';
import { databaseKind, testDb } from '../support/db';
import { cronForOneMinuteSoon, waitFor } from '../support/job-schedule';

const databaseUrl = process.env.DATABASE_URL!;
const queues: PgBoss[] = [];

/** No schedules and no runs (the schema and its queues stay: the app role may not recreate the schema). */
async function clearQueue() {
  const [installed] = await testDb.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS ok`);
  if (installed?.ok) await testDb.$executeRawUnsafe(`TRUNCATE "${JOB_QUEUE_SCHEMA}".schedule, "${JOB_QUEUE_SCHEMA}".job, "${JOB_QUEUE_SCHEMA}".archive`);
}

async function cronCheckedAt(): Promise<Date> {
  const [row] = await testDb.$queryRawUnsafe<{ at: Date }[]>(`SELECT cron_on AS at FROM "${JOB_QUEUE_SCHEMA}".version`);
  return row!.at;
}

afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.stop({ graceful: false, wait: true })));
  // Other tests (the health check) expect a database where no job ever ran.
  await clearQueue();
});

describe(`scheduled jobs in the PostgreSQL job queue (pg-boss, ${databaseKind} PostgreSQL)`, () => {
  test('a job scheduled by two servers runs once, and its run is the shared last scheduled run', { timeout: 120_000 }, async () => {
    await clearQueue();
    const name = SCHEDULED_JOBS[0]!.name;
    const yearly = '0 0 1 1 *';
    const runs: string[] = [];
    // Two "servers": each schedules the same job and works on its queue.
    for (const server of ['a', 'b']) {
      queues.push(await startJobQueue({ databaseUrl, jobs: [{ name, cron: yearly, run: async () => (runs.push(server), { ran: 1 }) }] }));
    }
    const schedules = await testDb.$queryRawUnsafe<{ name: string; cron: string; timezone: string }[]>(`SELECT name, cron, timezone FROM "${JOB_QUEUE_SCHEMA}".schedule`);
    expect(schedules).toEqual([{ name, cron: yearly, timezone: 'Asia/Shanghai' }]);
    // Once both run, the schedule fires once, soon (chosen now: starting may be slow under load).
    await testDb.$executeRawUnsafe(`UPDATE "${JOB_QUEUE_SCHEMA}".schedule SET cron = $1 WHERE name = $2`, cronForOneMinuteSoon().cron, name);

    await waitFor(async () => (await lastScheduledRun()) !== null, 45_000, 'the scheduled run');
    // A later check of the schedule (every 10 s, by either server) must not send it again. The check
    // that sent it may be up to 10 s older than the run and the next one 10 s later still: under
    // load (CI runs the build and Playwright beside this) that is well over 15 s.
    const ranAt = (await lastScheduledRun())!.at;
    await waitFor(async () => (await cronCheckedAt()) > ranAt, 45_000, 'the next check of the schedule');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Each check that finds the schedule due asks for a send; one per minute is kept.
    const sends = await testDb.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${JOB_QUEUE_SCHEMA}".job WHERE name = '__pgboss__send-it' AND data->>'name' = $1`, name);
    expect(sends).toEqual([{ n: 1 }]);
    expect(runs).toHaveLength(1);
    const records = await testDb.$queryRawUnsafe<{ state: string; output: unknown }[]>(`SELECT state::text AS state, output FROM "${JOB_QUEUE_SCHEMA}".job WHERE name = $1`, name);
    expect(records).toEqual([{ state: 'completed', output: { ran: 1 } }]);
    expect(await lastScheduledRun()).toMatchObject({ job: name, ok: true });
  });
});
