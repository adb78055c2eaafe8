// Regression test of scripts/migrate.ts (Prisma's WebAssembly schema engine driven offline) on a
// scratch database: create, add a model, add a column, no-op, status, reset + deploy.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseKind } from '../support/db';
import { inject } from 'vitest';
import { tsxCommand } from '../support/tsx';

const run = promisify(execFile);
const workDir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-migrate-'));
const migrationsDir = path.join(workDir, 'migrations');
const schemaFile = path.join(workDir, 'schema.prisma');
const baseUrl = new URL(inject('databaseUrl'));
const scratchUrl = new URL(baseUrl);
scratchUrl.pathname = '/luoshi_migrate_regression';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function scratch(sql: string) {
  const client = new pg.Client({ connectionString: scratchUrl.toString() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function writeSchema(models: string) {
  writeFileSync(schemaFile, `datasource db {\n  provider = "postgresql"\n}\n\n${models}\n`);
}

async function migrate(...args: string[]) {
  const result = await run(...tsxCommand('scripts/migrate.ts', ...args), {
    // Its own checkpoint file: a reset moves the file aside, and the suite's database keeps using its own.
    env: { ...process.env, DATABASE_URL: scratchUrl.toString(), LUOSHI_MIGRATIONS_DIR: migrationsDir, LUOSHI_SCHEMA_FILE: schemaFile, LUOSHI_CHECKPOINT_LOG: path.join(workDir, 'audit-checkpoints.log') },
  }).catch((error: { stdout: string; stderr: string; code: number }) => ({ ...error, failed: true as const }));
  return { stdout: result.stdout, stderr: result.stderr, failed: 'failed' in result };
}

async function columns(table: string) {
  const result = await scratch(`SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY column_name`);
  return result.rows.map((row) => row.column_name as string);
}

beforeAll(async () => {
  await admin('DROP DATABASE IF EXISTS luoshi_migrate_regression WITH (FORCE)');
  await admin('CREATE DATABASE luoshi_migrate_regression');
});

afterAll(async () => {
  await admin('DROP DATABASE IF EXISTS luoshi_migrate_regression WITH (FORCE)');
});

describe(`scripts/migrate.ts on ${databaseKind} PostgreSQL`, () => {
  test('create, add a model, add a column, no-op, status, reset and deploy', async () => {
    writeSchema('model Unit {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}');
    const init = await migrate('dev', '--name', 'init');
    expect(init.failed).toBe(false);
    expect(init.stdout).toMatch(/created: \d{14}_init/);
    expect(await columns('Unit')).toEqual(['id', 'name']);
    expect(readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');

    writeSchema(
      'model Unit {\n  id    Int    @id @default(autoincrement())\n  name  String @unique\n  tasks Task[]\n}\n' +
        'model Task {\n  id     Int  @id @default(autoincrement())\n  unitId Int\n  unit   Unit @relation(fields: [unitId], references: [id])\n}',
    );
    expect((await migrate('dev', '--name', 'add_task')).stdout).toMatch(/applied: .*_add_task/);
    expect(await columns('Task')).toEqual(['id', 'unitId']);

    writeSchema(
      'model Unit {\n  id    Int    @id @default(autoincrement())\n  name  String @unique\n  tasks Task[]\n}\n' +
        'model Task {\n  id       Int     @id @default(autoincrement())\n  unitId   Int\n  deadline DateTime? @db.Date\n  unit     Unit    @relation(fields: [unitId], references: [id])\n}',
    );
    expect((await migrate('dev', '--name', 'add_deadline')).stdout).toMatch(/applied: .*_add_deadline/);
    expect(await columns('Task')).toEqual(['deadline', 'id', 'unitId']);
    const sql = readdirSync(migrationsDir).filter((d) => d.endsWith('_add_deadline')).map((d) => readFileSync(path.join(migrationsDir, d, 'migration.sql'), 'utf8'))[0];
    expect(sql).toContain('ADD COLUMN     "deadline" DATE');

    const noop = await migrate('dev', '--name', 'nothing');
    expect(noop.stdout).toContain('already in sync');
    expect(readdirSync(migrationsDir).filter((d) => d.endsWith('_nothing'))).toEqual([]);

    const status = await migrate('status');
    expect(status.failed).toBe(false);
    expect(status.stdout).toContain('3 migrations found; database schema is up to date');
    const applied = await scratch('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name');
    expect(applied.rows).toHaveLength(3);
    expect(applied.rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);

    await scratch(`INSERT INTO "Unit" (name) VALUES ('发改局')`);
    const reset = await migrate('reset', '--force');
    expect(reset.failed).toBe(false);
    expect((await scratch('SELECT count(*)::int AS n FROM "Unit"')).rows[0].n).toBe(0);
    expect((await migrate('deploy')).stdout).toContain('no pending migrations');
  });

  test('status reports a pending migration and exits non-zero; reset refuses without --force', async () => {
    const dir = readdirSync(migrationsDir).find((d) => d.endsWith('_add_deadline'))!;
    await scratch(`DELETE FROM _prisma_migrations WHERE migration_name = '${dir}'`);
    const status = await migrate('status');
    expect(status.failed).toBe(true);
    expect(status.stdout).toContain('databaseIsBehind');
    const refused = await migrate('reset');
    expect(refused.failed).toBe(true);
    expect(refused.stderr).toContain('pass --force');
  });

  test("the repository's schema.prisma says what its migrations build: a new migration from it is empty", async () => {
    // On a copy of the migrations, into a fresh database: the engine applies them all, then writes
    // what the schema still wants. A default or an index written differently in the two would show here.
    const copied = path.join(workDir, 'repository-migrations');
    cpSync(path.resolve('prisma/migrations'), copied, { recursive: true });
    await admin('DROP DATABASE IF EXISTS luoshi_migrate_regression WITH (FORCE)');
    await admin('CREATE DATABASE luoshi_migrate_regression');
    const created = await run(...tsxCommand('scripts/migrate.ts', 'dev', '--name', 'schema_drift', '--create-only'), {
      env: { ...process.env, DATABASE_URL: scratchUrl.toString(), LUOSHI_MIGRATIONS_DIR: copied, LUOSHI_SCHEMA_FILE: path.resolve('prisma/schema.prisma'), LUOSHI_CHECKPOINT_LOG: path.join(workDir, 'audit-checkpoints.log') },
    });
    expect(created.stdout).toContain('created:');
    const drift = readdirSync(copied).find((dir) => dir.endsWith('_schema_drift'))!;
    const statements = readFileSync(path.join(copied, drift, 'migration.sql'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('--'));
    expect(statements).toEqual([]);
  });
});
