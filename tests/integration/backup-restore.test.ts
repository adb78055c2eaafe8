// npm run backup → npm run restore round trip, on whichever server the suite runs against (the
// embedded PostgreSQL 18, or PostgreSQL 15 via TEST_DATABASE_URL): identical row counts, the
// attachments and key files back in place, and a clean `npm run verify` on the restored copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createBackup, restoreBackup, tableRowCounts, type InstallationPaths } from '@/lib/platform/backup/backup';
import { deployMigrations, installationPaths } from '@/lib/platform/backup/installation-paths';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { databaseKind, sessionUser, testDb } from '../support/db';
import { pdf, taskVersion, TODAY, workflowTask } from '../support/workflow';
import { tsxCommand } from '../support/tsx';

// The owner, as `npm run backup` and `restore` use it (DATABASE_OWNER_URL); it also creates the target database.
const sourceUrl = inject('databaseUrl');
const targetName = `luoshi_restore_${Date.now()}`;
const targetUrl = (() => {
  const url = new URL(sourceUrl);
  url.pathname = `/${targetName}`;
  return url.toString();
})();

/** What the triggers derive (not backed up, rebuilt by the restore): the same on both sides. */
async function derivedRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const read = async (sql: string) => (await client.query(sql)).rows;
    return {
      summary: await read(`SELECT "leadUnitId", "year", "status", "light", "closedOnTime", "tasks" FROM "TaskFigureSummary" WHERE "tasks" <> 0 ORDER BY 1, 2, 3, 4, 5`),
      members: await read(`SELECT "scopeKind", "scopeId", "taskId", "light", "status" FROM "TaskScopeMember" ORDER BY 1, 2, 3`),
      unitLeaders: await read(`SELECT "unitId", "leaderId", "tasks" FROM "UnitTaskLeader" ORDER BY 1, 2`),
      figures: await read(`SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline"::text, "closedOnTime", sum("tasks")::int AS "tasks"
        FROM (SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks" FROM "TaskScopeFigures"
          UNION ALL SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks" FROM "TaskScopeFigureDelta") f
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("tasks") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
    };
  } finally {
    await client.end();
  }
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: sourceUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
});

describe(`backup and restore (${databaseKind})`, () => {
  test('a round trip with attachments restores every row, file and key, and verifies clean', async () => {
    // An attachment on disk, so the archive has one to carry.
    const task = await workflowTask('备份中的附件');
    await fileProgressReport({ user: await sessionUser('fgj_staff'), input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附验收报告', percent: 20 }, files: [pdf('验收报告.pdf')], today: TODAY });
    const report = await testDb.progressReport.findFirstOrThrow({ where: { taskId: task.id } });
    const storedName = (report.attachments as { storedName: string }[])[0]!.storedName;

    const source = installationPaths();
    const secretDir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-secret-'));
    writeFileSync(path.join(secretDir, '.nextauth-secret'), 'round-trip-secret-0123456789');
    const work = mkdtempSync(path.join(os.tmpdir(), 'luoshi-roundtrip-'));
    const { archive, manifest } = await createBackup({ databaseUrl: sourceUrl, paths: { ...source, secret: path.join(secretDir, '.nextauth-secret') }, outDir: path.join(work, 'backups') });
    expect(path.basename(archive)).toMatch(/^luoshi-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(manifest.tables).toEqual(await tableRowCounts(sourceUrl));
    expect(manifest.files).toEqual({ uploads: true, keys: existsSync(source.keys), secret: true, checkpointLog: existsSync(source.checkpointLog) });

    await admin(`CREATE DATABASE "${targetName}"`);
    const target: InstallationPaths = {
      uploads: path.join(work, 'restored', 'uploads'),
      keys: path.join(work, 'restored', 'keys'),
      secret: path.join(work, 'restored', '.nextauth-secret'),
      checkpointLog: path.join(work, 'restored', 'audit-checkpoints.log'),
    };
    await restoreBackup({ archive, databaseUrl: targetUrl, paths: target, migrate: () => deployMigrations(targetUrl) });

    expect(await tableRowCounts(targetUrl)).toEqual(manifest.tables);
    const derived = await derivedRows(targetUrl);
    expect(derived.members.length).toBeGreaterThan(0);
    expect(derived.unitLeaders.length).toBeGreaterThan(0);
    expect(derived).toEqual(await derivedRows(sourceUrl));
    expect(readFileSync(path.join(target.uploads, task.id, storedName))).toEqual(readFileSync(path.join(source.uploads, task.id, storedName)));
    expect(readFileSync(target.secret, 'utf8')).toBe('round-trip-secret-0123456789');

    // npm run verify against the restored database and files.
    const verify = spawnSync(...tsxCommand('--conditions=react-server', 'scripts/verify.ts'), {
      env: { ...process.env, DATABASE_URL: targetUrl, LUOSHI_UPLOAD_DIR: target.uploads, LUOSHI_KEY_DIR: target.keys, LUOSHI_CHECKPOINT_LOG: target.checkpointLog },
      encoding: 'utf8',
    });
    expect(`${verify.stdout}${verify.stderr}`).toMatch(/^verify: OK/m);
    expect(verify.status).toBe(0);

    // A second restore into the now non-empty database is refused, and changes nothing (verify
    // has just added its checkpoint).
    const afterVerify = await tableRowCounts(targetUrl);
    await expect(restoreBackup({ archive, databaseUrl: targetUrl, paths: { ...target, uploads: path.join(work, 'other') }, migrate: () => deployMigrations(targetUrl) })).rejects.toThrow(
      /目标数据库不是空的|恢复目标已有文件/,
    );
    expect(await tableRowCounts(targetUrl)).toEqual(afterVerify);
  }, 180_000);
});
