// Runs a command with the environment luoshi needs. Without DATABASE_URL it starts the embedded
// PostgreSQL (data under data/pg) for the life of the command and stops it afterwards, giving the
// command two URLs: DATABASE_URL for the application's role (may only append history) and
// DATABASE_OWNER_URL for the owner (migrations, backup, restore). Without NEXTAUTH_SECRET it uses
// one generated once and kept in data/.nextauth-secret.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/platform/db/embedded';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-db.ts <command> [args...]');
  process.exit(2);
}

function persistedSecret() {
  const file = path.resolve('data/.nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
env.NEXTAUTH_SECRET ||= persistedSecret();
env.NEXTAUTH_URL ||= `http://localhost:${env.PORT ?? 3000}`;
const embedded = env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir: path.resolve(env.LUOSHI_PG_DIR ?? 'data/pg'),
      preferredPort: env.LUOSHI_PG_PORT ? Number(env.LUOSHI_PG_PORT) : undefined,
    });
if (embedded) {
  env.DATABASE_URL = embedded.appUrl;
  env.DATABASE_OWNER_URL = embedded.ownerUrl;
  env.LUOSHI_DB_KIND = 'embedded';
  // Each embedded database has its own audit chain, so its own checkpoint file (the default data/pg
  // keeps data/audit-checkpoints.log); e2e and helper databases must not touch the main one's.
  if (env.LUOSHI_PG_DIR && !env.LUOSHI_CHECKPOINT_LOG) env.LUOSHI_CHECKPOINT_LOG = path.resolve(`${env.LUOSHI_PG_DIR}-audit-checkpoints.log`);
}

const child = spawn(command, args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code, signal) => {
  await embedded?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
