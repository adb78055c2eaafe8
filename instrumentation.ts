// Runs once when a Next server starts. On the Node.js runtime it starts the scheduled jobs every
// LUOSHI_JOBS_INTERVAL_MINUTES (0 disables them); the dynamic import keeps Prisma out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduledJobs } = await import('./lib/server/jobs/start-scheduled-jobs');
  startScheduledJobs();
}
