// Runs once when a Next server starts. On the Node.js runtime the server joins the PostgreSQL-backed
// job queue (LUOSHI_JOBS=off keeps it out); not while `next build` prerenders. The dynamic import
// keeps Prisma and pg-boss out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startScheduledJobs } = await import('./lib/server/jobs/start-scheduled-jobs');
  startScheduledJobs();
}
