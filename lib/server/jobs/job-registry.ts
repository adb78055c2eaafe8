import 'server-only';
import { deliverOutbox } from '@/lib/server/notifications/deliver-outbox';
import { sendDigests } from '@/lib/server/notifications/send-digests';
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';
import { refreshTaskLights } from '@/lib/server/tasks/refresh-task-lights';
import { pruneEndedSessions } from '@/lib/server/auth/user-sessions';
import { recordMonthLights } from '@/lib/server/dashboard/record-month-lights';

/**
 * Every scheduled job, in one list: the scheduler runs each on its cron schedule (Asia/Shanghai),
 * once per schedule however many app servers run. A job must be idempotent (a retry after a crash
 * may run it again) and return a small summary that is logged and recorded with the run.
 */
export type ScheduledJob = {
  /** Stable name: the queue name and the key of its run records. */
  name: string;
  /** Cron expression in Asia/Shanghai time. */
  cron: string;
  run: (now: Date) => Promise<Record<string, number>>;
};

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  // Reminders, 督办 escalation, missed-report notices and the integrity check (with a new checkpoint).
  { name: 'supervision-sweep', cron: '*/15 * * * *', run: (now) => runScheduledJobs({ today: now }) },
  // The date-driven part of every task's stored 三色 light and 序时进度, just after Shanghai midnight.
  { name: 'task-lights-refresh', cron: '1 0 * * *', run: (now) => refreshTaskLights({ today: now }) },
  // The homes' monthly trend (MonthLightFigures): the running month hourly, closed months once a day.
  { name: 'month-lights', cron: '7 * * * *', run: (now) => recordMonthLights({ now }) },
  // Sends due outbox messages (email, robots, SMS, webhooks) with retries; see deliver-outbox.ts.
  { name: 'deliver-outbox', cron: '* * * * *', run: (now) => deliverOutbox({ now }) },
  // Morning digests: each day's go out on the first run after the office's configured time.
  { name: 'send-digests', cron: '*/15 * * * *', run: (now) => sendDigests(now) },
  // Session rows that ended more than the retention ago (the sign-in log's six months and more).
  { name: 'prune-ended-sessions', cron: '17 3 * * *', run: (now) => pruneEndedSessions(now) },
];
