import 'server-only';
import { readdir, statfs } from 'node:fs/promises';
import path from 'node:path';
import { serverEnv } from '@/lib/platform/env';
import { db } from '@/lib/server/db';
import { lastScheduledRun } from '@/lib/server/jobs/last-scheduled-run';
import { s3AttachmentStore } from '@/lib/server/attachments/attachment-store';

/** Below this much free space for uploads the server reports itself unhealthy. */
export const MIN_FREE_UPLOAD_BYTES = 1024 * 1024 * 1024;

export type Health = {
  ok: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  /** The last scheduled run on any server (the job queue's shared record); null before the first, or when jobs are off. */
  lastScheduledRun: { job: string; at: string; ok: boolean } | null;
  /** Local store: free space for uploads. S3: whether the bucket answers. */
  uploads: { freeBytes: number; ok: boolean } | { freeBytes: null; ok: false } | { store: 's3'; ok: boolean };
};

async function migrationsCurrent(): Promise<boolean> {
  const folder = path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'migrations');
  const expected = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return expected.every((name) => done.has(name));
}

/** Free bytes on the disk of `dir`, or of its nearest existing parent (the upload directory is created with the first upload). */
async function freeBytesAt(dir: string): Promise<number | null> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      const stats = await statfs(current);
      return stats.bavail * stats.bsize;
    } catch {
      if (path.dirname(current) === current) return null;
    }
  }
}

async function uploadsHealth(): Promise<Health['uploads']> {
  const env = serverEnv();
  if (env.LUOSHI_ATTACHMENT_STORE === 's3') return { store: 's3', ok: await s3AttachmentStore().reachable() };
  const freeBytes = await freeBytesAt(env.LUOSHI_UPLOAD_DIR);
  return freeBytes === null ? { freeBytes: null, ok: false } : { freeBytes, ok: freeBytes >= MIN_FREE_UPLOAD_BYTES };
}

/**
 * For a load balancer: whether this server can serve. Says what is wrong in a word, never why
 * (no hosts, ports, paths or driver messages).
 */
export async function checkHealth(): Promise<Health> {
  let database: Health['database'] = 'ok';
  let migrations: Health['migrations'] = 'unknown';
  try {
    await db.$queryRaw`SELECT 1`;
    migrations = (await migrationsCurrent()) ? 'current' : 'pending';
  } catch {
    database = 'unreachable';
  }
  const uploads = await uploadsHealth();
  const run = database === 'ok' ? await lastScheduledRun().catch(() => null) : null;
  return {
    ok: database === 'ok' && migrations === 'current' && uploads.ok,
    database,
    migrations,
    lastScheduledRun: run ? { job: run.job, at: run.at.toISOString(), ok: run.ok } : null,
    uploads,
  };
}
