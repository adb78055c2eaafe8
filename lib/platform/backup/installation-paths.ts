import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkpointLogPath, keyDir } from '@/lib/platform/keys/county-keys';
import type { InstallationPaths } from './backup';

/** This installation's files, from the same settings the app reads. */
export function installationPaths(): InstallationPaths {
  return {
    uploads: path.resolve(process.env.LUOSHI_UPLOAD_DIR ?? 'data/uploads'),
    keys: keyDir(),
    secret: path.resolve('data/.nextauth-secret'),
    checkpointLog: checkpointLogPath(),
  };
}

/** Applies the code's migrations to `databaseUrl`, as its user (scripts/migrate.ts deploy; no grants). */
export function deployMigrations(databaseUrl: string): void {
  execFileSync('npx', ['tsx', 'scripts/migrate.ts', 'deploy'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_OWNER_URL: databaseUrl } });
}
