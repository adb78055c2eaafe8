import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { SCHEDULED_JOBS } from '@/lib/server/jobs/job-registry';
import { JOB_QUEUE_SCHEMA } from '@/lib/server/jobs/start-scheduled-jobs';

export type ScheduledRun = { job: string; at: Date; ok: boolean };

/**
 * The last finished run of any scheduled job on any server, from the queue's shared records
 * (pg-boss moves finished jobs from job to archive after a while); null before the first run, or
 * when no server has started the queue (LUOSHI_JOBS=off everywhere). A run that failed and waits
 * for its retry counts as failed.
 */
export async function lastScheduledRun(): Promise<ScheduledRun | null> {
  const schema = Prisma.raw(`"${JOB_QUEUE_SCHEMA}"`);
  const names = SCHEDULED_JOBS.map((job) => job.name);
  const [installed] = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`${JOB_QUEUE_SCHEMA}.archive`}) IS NOT NULL AS ok`;
  if (!installed?.ok) return null;
  // Each side is cut to its newest row first (the archive by its archived_on index): a job that
  // runs every minute leaves tens of thousands of archived runs in a month.
  const rows = await db.$queryRaw<{ job: string; at: Date; state: string }[]>`
    SELECT job, at, state FROM (
      (SELECT name AS job, COALESCE(completed_on, started_on) AS at, state::text AS state FROM ${schema}.job
        WHERE name IN (${Prisma.join(names)}) AND state IN ('completed', 'failed', 'retry') AND started_on IS NOT NULL
        ORDER BY at DESC LIMIT 1)
      UNION ALL
      (SELECT name AS job, completed_on AS at, state::text AS state FROM ${schema}.archive
        WHERE name IN (${Prisma.join(names)}) AND state IN ('completed', 'failed')
        ORDER BY archived_on DESC LIMIT 1)
    ) runs ORDER BY at DESC LIMIT 1`;
  const row = rows[0];
  return row ? { job: row.job, at: row.at, ok: row.state === 'completed' } : null;
}
