// Serves the production build: `next start` in LUOSHI_WEB_WORKERS processes sharing one port through
// node:cluster (default 1; "auto" is one per CPU). One Node process renders on one core; a county
// server has several. Everything a request needs beyond its own process (sessions, sign-in
// throttling, scheduled jobs, attachments) lives in PostgreSQL or the attachment store, so the
// workers are as interchangeable as several servers behind a load balancer (README, "Running on
// several servers"). Arguments go to `next start` (e.g. --hostname, -p).
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';

const setting = process.env.LUOSHI_WEB_WORKERS?.trim() || '1';
const workers = setting === 'auto' ? os.availableParallelism() : Number(setting);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`LUOSHI_WEB_WORKERS 应为不小于 1 的整数或 "auto"（当前为 "${setting}"） / must be a whole number ≥ 1 or "auto" (got "${setting}")`);
  process.exit(2);
}

// A worker that dies within this long of its start (a port in use, a broken build) would only die
// again: the server stops instead of restarting it for ever.
const EARLY_EXIT_MS = 10_000;

if (workers > 1 && cluster.isPrimary) {
  const startedAt = new Map();
  let stopping = false;
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (startedAt.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    console.error(`luoshi：工作进程 ${worker.process.pid} 已退出（${signal ?? code}），运行 ${Math.round(lived / 1000)} 秒 / web worker exited after ${Math.round(lived / 1000)} s`);
    if (lived < EARLY_EXIT_MS) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (startedAt.size === 0) process.exit(1);
      return;
    }
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
} else {
  // The worker is `next start` itself, through Next's own command line.
  const require = createRequire(import.meta.url);
  const cli = require.resolve('next/dist/bin/next');
  process.argv = [process.argv[0], cli, 'start', ...process.argv.slice(2)];
  require(cli);
}
