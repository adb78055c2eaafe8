// `npm run jobs`: runs every scheduled job of the registry (lib/server/jobs/job-registry.ts) once,
// now, in this process, and prints each one's summary. The jobs are idempotent: safe to run any
// number of times a day, beside the servers' own schedule. A failing job does not stop the others;
// the exit code is 1 when any failed.
// Run with `--conditions=react-server` (package.json does) so the data layer's `server-only` loads.
import { SCHEDULED_JOBS } from '@/lib/server/jobs/job-registry';
import { db } from '@/lib/server/db';

for (const job of SCHEDULED_JOBS) {
  const started = Date.now();
  try {
    const summary = await job.run(new Date());
    const figures = Object.entries(summary).map(([name, value]) => `${name} ${value}`).join(', ');
    console.log(`jobs: ${job.name}: ${figures} (${Date.now() - started} ms)`);
  } catch (error) {
    console.error(`jobs: ${job.name} failed:`, error);
    process.exitCode = 1;
  }
}
await db.$disconnect();
