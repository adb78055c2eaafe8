// Integration tests run against a real PostgreSQL: the embedded one by default (data/pg-test), or
// the server in TEST_DATABASE_URL (CI points it at Debian's PostgreSQL 15). The schema is reset,
// migrated with the project's own migration script and seeded with the demo county.
// On the embedded database the data layer runs as the application's role (INSERT-only history),
// as the app does; `databaseUrl` (testDb) is the owner, which tests use to arrange and to tamper.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/platform/db/embedded';
import { tsxCommand } from './tsx';

let embedded: EmbeddedDatabase | null = null;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    appDatabaseUrl: string;
    databaseKind: 'embedded' | 'external';
    keyDir: string;
    checkpointLog: string;
  }
}

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (!external) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(process.env.LUOSHI_TEST_PG_DIR ?? 'data/pg-test'),
      database: 'luoshi_test',
      preferredPort: 54339,
    });
  }
  const url = external ?? embedded!.ownerUrl;
  const appUrl = external ?? embedded!.appUrl;
  // The county key and the checkpoint file belong with this test database, not with data/keys.
  const keyHome = path.resolve(`${process.env.LUOSHI_TEST_PG_DIR ?? 'data/pg-test'}-keys`);
  const keyDir = path.join(keyHome, 'keys');
  const checkpointLog = path.join(keyHome, 'audit-checkpoints.log');
  const env = { ...process.env, DATABASE_URL: appUrl, DATABASE_OWNER_URL: url, LUOSHI_KEY_DIR: keyDir, LUOSHI_CHECKPOINT_LOG: checkpointLog };
  const run = (script: string, ...args: string[]) =>
    execFileSync(...tsxCommand(script, ...args), { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('scripts/migrate.ts', 'reset', '--force');
  run('--conditions=react-server', 'prisma/seed.ts');
  project.provide('databaseUrl', url);
  project.provide('appDatabaseUrl', appUrl);
  project.provide('databaseKind', external ? 'external' : 'embedded');
  project.provide('keyDir', keyDir);
  project.provide('checkpointLog', checkpointLog);
}

export async function teardown() {
  await embedded?.stop();
}
