import 'server-only';
import { serverEnv } from '@/lib/platform/env';
import { log } from '@/lib/platform/log';
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';

const FIRST_RUN_DELAY_MS = 30_000;
const globalForJobs = globalThis as unknown as { luoshiJobsTimer?: NodeJS.Timeout; luoshiJobsLastRun?: ScheduledRun };

export type ScheduledRun = { at: Date; ok: boolean };

/** This process's last scheduled run (for /api/health), or null before the first. */
export function lastScheduledRun(): ScheduledRun | null {
  return globalForJobs.luoshiJobsLastRun ?? null;
}

/**
 * Runs the scheduled jobs every LUOSHI_JOBS_INTERVAL_MINUTES in this server process (0 disables),
 * first shortly after start. Runs never overlap; the jobs are idempotent, so several servers may
 * run them side by side.
 */
export function startScheduledJobs() {
  const minutes = serverEnv().LUOSHI_JOBS_INTERVAL_MINUTES;
  if (minutes === 0 || globalForJobs.luoshiJobsTimer) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const summary = await runScheduledJobs({ today: new Date() });
      log.info({ job: 'scheduled', ...summary }, 'scheduled jobs ran');
      globalForJobs.luoshiJobsLastRun = { at: new Date(), ok: true };
    } catch (error) {
      log.error({ job: 'scheduled', err: error }, 'scheduled jobs failed');
      globalForJobs.luoshiJobsLastRun = { at: new Date(), ok: false };
    } finally {
      running = false;
    }
  };
  setTimeout(tick, FIRST_RUN_DELAY_MS).unref();
  globalForJobs.luoshiJobsTimer = setInterval(tick, minutes * 60_000);
  globalForJobs.luoshiJobsTimer.unref();
}
