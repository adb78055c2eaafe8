import 'server-only';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { serverEnv } from '@/lib/platform/env';
import { log } from '@/lib/platform/log';
import { SCHEDULED_JOBS, type ScheduledJob } from '@/lib/server/jobs/job-registry';

/** pg-boss keeps its queue, schedules and run records in this schema of the app's database. */
export const JOB_QUEUE_SCHEMA = 'pgboss';
const TIME_ZONE = 'Asia/Shanghai';
const RETRY_START_MS = 60_000;

const globalForJobs = globalThis as unknown as { luoshiJobQueue?: Promise<PgBoss> };

/**
 * pg-boss installs itself starting with CREATE SCHEMA IF NOT EXISTS, which PostgreSQL refuses to a
 * role without CREATE on the database even when the schema exists. The least-privilege role
 * (scripts/grant-app-role.sql) gets the schema from the owner with CREATE on it, so here the rest
 * of pg-boss's own construction runs as that role, which then owns the queue's tables (pg-boss
 * adds a table per queue at run time). A role that may create schemas leaves it all to pg-boss.
 */
async function installIntoGrantedSchema(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: boolean; installed: boolean }>(
      `SELECT to_regnamespace($1) IS NOT NULL AS schema, to_regclass($2) IS NOT NULL AS installed`,
      [JOB_QUEUE_SCHEMA, `${JOB_QUEUE_SCHEMA}.version`],
    );
    if (!rows[0]!.schema || rows[0]!.installed) return;
    const construction = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA);
    const createSchema = `CREATE SCHEMA IF NOT EXISTS ${JOB_QUEUE_SCHEMA}`;
    if (!construction.includes(createSchema)) throw new Error('pg-boss construction plan changed: review installIntoGrantedSchema');
    await client.query(construction.replace(createSchema, 'SELECT 1')).catch(async (error: Error) => {
      await client.query('ROLLBACK');
      // Another server installed it between our check and our advisory lock (pg-boss's own rule).
      if (!error.message.includes('already exists')) throw error;
    });
  } finally {
    await client.end();
  }
}

/**
 * Schedules every job of the registry in the PostgreSQL-backed queue (pg-boss) and works on them
 * from this process. Every app server does the same: the schedules are rows shared by all, pg-boss
 * sends each occurrence once (its cron check holds a database lock and sends with a per-minute
 * singleton key), and one worker takes each job. A failed run is retried; every run is recorded
 * (pgboss.job, then pgboss.archive) with its summary or error, and is what /api/health reports.
 */
export async function startJobQueue({ databaseUrl, jobs = SCHEDULED_JOBS }: { databaseUrl: string; jobs?: readonly ScheduledJob[] }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'luoshi-jobs',
    max: 3,
    // A scheduled run starts within about 15 s of its minute (the defaults allow a minute and more).
    cronMonitorIntervalSeconds: 10,
    cronWorkerIntervalSeconds: 2,
    // Run records: a month, for the health check and for looking back.
    deleteAfterDays: 30,
  });
  boss.on('error', (error) => log.error({ job: 'queue', err: error }, 'job queue error'));
  await installIntoGrantedSchema(databaseUrl);
  await boss.start();
  for (const job of jobs) {
    // stately: at most one run waiting and one running, so a slow run is never overlapped.
    await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 });
    await boss.schedule(job.name, job.cron, {}, { tz: TIME_ZONE });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      try {
        const summary = await job.run(new Date());
        log.info({ job: job.name, ...summary }, 'scheduled job ran');
        return summary;
      } catch (error) {
        log.error({ job: job.name, err: error }, 'scheduled job failed');
        throw error;
      }
    });
  }
  // A job removed from the registry stops being scheduled.
  for (const schedule of await boss.getSchedules()) {
    if (!jobs.some((job) => job.name === schedule.name)) await boss.unschedule(schedule.name);
  }
  return boss;
}

/**
 * From instrumentation.ts: this server joins the job queue unless LUOSHI_JOBS=off. A database
 * that is not reachable yet is retried every minute; the server serves requests meanwhile.
 */
export function startScheduledJobs() {
  if (serverEnv().LUOSHI_JOBS === 'off' || globalForJobs.luoshiJobQueue) return;
  const attempt = (): Promise<PgBoss> =>
    startJobQueue({ databaseUrl: serverEnv().DATABASE_URL }).catch((error) => {
      log.error({ job: 'queue', err: error }, 'job queue did not start; retrying in a minute');
      return new Promise<PgBoss>((resolve) => setTimeout(() => resolve(attempt()), RETRY_START_MS).unref());
    });
  globalForJobs.luoshiJobQueue = attempt();
}
