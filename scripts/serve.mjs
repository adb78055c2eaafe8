// Serves the production build: Next's server in LUOSHI_WEB_WORKERS processes sharing one port through
// node:cluster (default 1; "auto" is one per CPU). One Node process renders on one core; a county
// server has several. Everything a request needs beyond its own process (sessions, sign-in
// throttling, scheduled jobs, attachments) lives in PostgreSQL or the attachment store, so the
// workers are as interchangeable as several servers behind a load balancer (README, "Running on
// several servers"). Arguments as `next start`'s: --hostname (-H) and --port (-p).
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';

// As `next start`'s: --hostname (-H) and --port (-p, else PORT, else 3000). Checked once, before any worker starts.
let values;
try {
  ({ values } = parseArgs({ options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } } }));
} catch (error) {
  console.error(`参数无效：只接受 --hostname (-H) 和 --port (-p) / invalid arguments: ${error.message}`);
  process.exit(2);
}
const portSetting = values.port ?? process.env.PORT ?? '3000';
const port = Number(portSetting);
if (!/^\d+$/.test(portSetting) || port > 65_535) {
  console.error(`端口应为 0 到 65535 的整数（当前为 "${portSetting}"） / the port must be a whole number from 0 to 65535 (got "${portSetting}")`);
  process.exit(2);
}

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
  // A worker: Next's production server in a listener of ours (lib/platform/page-server.ts), which
  // compresses responses and keeps rendered pages.
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: values.hostname, port });
  await app.prepare();
  // After Next's start: it sets up the AsyncLocalStorage its modules (next/server among them) expect.
  const { tsImport } = await import('tsx/esm/api');
  const { serverEnv } = await tsImport('../lib/platform/env.ts', import.meta.url);
  const { createRequestListener } = await tsImport('../lib/platform/page-server.ts', import.meta.url);
  const env = serverEnv();
  const listener = createRequestListener(app.getRequestHandler(), { databaseUrl: env.DATABASE_URL, cacheBytes: env.LUOSHI_PAGE_CACHE_MB * 1024 * 1024 });
  const server = http.createServer(listener);
  server.listen(port, values.hostname, () => console.log(`luoshi：已在 http://${values.hostname ?? 'localhost'}:${port} 上服务 / ready`));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}
