// `npm run jobs`: runs the scheduled jobs (deadline reminders, 督办 escalation, missed-report notices)
// once for today and prints a one-line summary. Safe to run any number of times a day.
// Run with `--conditions=react-server` (package.json does) so the data layer's `server-only` loads.
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';
import { db } from '@/lib/server/db';

try {
  const started = Date.now();
  const summary = await runScheduledJobs({ today: new Date() });
  console.log(
    `jobs: ${summary.reminders} deadline reminders, ${summary.escalations} 督办 escalated, ${summary.missedReportNotices} missed-report notices (${Date.now() - started} ms)`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
