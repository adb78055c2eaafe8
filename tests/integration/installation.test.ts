// A real installation, kept apart from the demo: `npm run setup`'s script on a fresh database
// creates the one first administrator and nothing else; the demo seed refuses that database, and
// setup refuses a database holding the demo. Also the settings that replace LUOSHI_COUNTY_NAME.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { InstallationRefused, setUpInstallation } from '@/lib/server/installation/set-up-installation';
import { readInstallationSettings } from '@/lib/server/settings/installation-settings';
import { updateInstallationSettings } from '@/lib/server/settings/update-installation-settings';
import { sessionUser, testDb } from '../support/db';
import { tsxCommand } from '../support/tsx';

const execFileAsync = promisify(execFile);
const baseUrl = new URL(inject('databaseUrl'));
const freshUrl = new URL(baseUrl);
freshUrl.pathname = '/luoshi_real_install';
const fresh = createPrismaClient(freshUrl.toString(), 2);

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs a project script against the fresh database; never throws, returns its output and exit code. */
async function script(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: freshUrl.toString(), ...env };
  for (const name of ['LUOSHI_COUNTY_NAME', 'LUOSHI_ADMIN_USERNAME', 'LUOSHI_ADMIN_PASSWORD']) if (!(name in env)) delete childEnv[name];
  try {
    const { stdout, stderr } = await execFileAsync(...tsxCommand(...args), { env: childEnv });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}
const setupScript = (env: Record<string, string>) => script(['--conditions=react-server', 'scripts/setup-installation.ts'], env);

beforeAll(async () => {
  await onServer('DROP DATABASE IF EXISTS luoshi_real_install WITH (FORCE)');
  await onServer('CREATE DATABASE luoshi_real_install');
  const migrated = await script(['scripts/migrate.ts', 'deploy']);
  expect(migrated.code, migrated.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await fresh.$disconnect();
  await onServer('DROP DATABASE IF EXISTS luoshi_real_install WITH (FORCE)');
});

describe('npm run setup on a fresh database', () => {
  test('without a county name it refuses and writes nothing', async () => {
    const run = await setupScript({});
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('LUOSHI_COUNTY_NAME');
    expect(await fresh.user.count()).toBe(0);
  });

  test('creates exactly one administrator, who must change the one-time password printed once; no demo data', async () => {
    const run = await setupScript({ LUOSHI_COUNTY_NAME: '青山县', LUOSHI_ADMIN_USERNAME: 'duchashi' });
    expect(run.code, run.stderr).toBe(0);
    const oneTimePassword = /一次性密码（只显示这一次）：(\S+)/.exec(run.stdout)?.[1];
    expect(oneTimePassword).toMatch(/^[a-zA-Z\d]{12}$/);

    const users = await fresh.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ username: 'duchashi', role: 'ADMIN', unitId: null, active: true, mustChangePassword: true });
    expect(await bcrypt.compare(oneTimePassword!, users[0]!.passwordHash)).toBe(true);
    expect(await bcrypt.compare('luoshi2024', users[0]!.passwordHash)).toBe(false);
    expect([await fresh.unit.count(), await fresh.plan.count(), await fresh.task.count(), await fresh.leaderUnit.count()]).toEqual([0, 0, 0, 0]);

    expect(await readInstallationSettings(fresh)).toMatchObject({ countyName: '青山县', installation: { kind: 'real' } });
    const audit = await fresh.auditEvent.findMany();
    expect(audit.map((event) => [event.action, event.entityId])).toEqual([['installation.setup', users[0]!.id]]);
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
  });

  test('a second run changes nothing, even with another password', async () => {
    const before = await fresh.user.findFirstOrThrow();
    const run = await setupScript({ LUOSHI_COUNTY_NAME: '别的县', LUOSHI_ADMIN_PASSWORD: 'another2025' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('already installed');
    expect(await fresh.user.findMany()).toEqual([before]);
    expect((await readInstallationSettings(fresh)).countyName).toBe('青山县');
  });

  test('the demo seed refuses a real installation and writes nothing', async () => {
    const run = await script(['--conditions=react-server', 'prisma/seed.ts'], { LUOSHI_SEED_ACTIVITY: '0' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('正式安装');
    expect([await fresh.user.count(), await fresh.unit.count(), await fresh.plan.count()]).toEqual([1, 0, 0]);
  });
});

describe('setup refuses the demo', () => {
  test('a database holding the demo is never marked as a real installation', async () => {
    await expect(setUpInstallation(testDb, { username: 'admin', countyName: '青山县' })).rejects.toThrow(InstallationRefused);
    await expect(setUpInstallation(testDb, { username: 'admin', countyName: '青山县' })).rejects.toThrow('演示数据');
    expect((await readInstallationSettings(testDb)).installation).toMatchObject({ kind: 'demo' });
  });

  test('neither is a database with data but no mark (seeded before installations were marked)', async () => {
    await testDb.setting.delete({ where: { key: 'installation' } });
    try {
      await expect(setUpInstallation(testDb, { username: 'newadmin', countyName: '青山县' })).rejects.toThrow('数据库不是空的');
      expect(await testDb.user.count({ where: { username: 'newadmin' } })).toBe(0);
    } finally {
      await testDb.setting.create({ data: { key: 'installation', value: { kind: 'demo', at: new Date().toISOString() } } });
    }
  });
});

describe('installation settings', () => {
  test('the office sets the county name and pins the working year; others may not; audited', async () => {
    const admin = await sessionUser('admin');
    await expect(updateInstallationSettings({ user: await sessionUser('leader'), input: { countyName: '别的县', workingYear: '' }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateInstallationSettings({ user: admin, input: { countyName: ' ', workingYear: '20x4' }, ip: null })).rejects.toMatchObject({
      fieldErrors: { countyName: ['请填写县（区）名称'], workingYear: ['工作年度应为四位年份'] },
    });

    await updateInstallationSettings({ user: admin, input: { countyName: '示范县', workingYear: '2024' }, ip: null });
    expect(await readInstallationSettings(testDb)).toMatchObject({ countyName: '示范县', workingYear: 2024, workingYearPinned: true });
    await updateInstallationSettings({ user: admin, input: { countyName: '示范县', workingYear: '' }, ip: null });
    expect(await readInstallationSettings(testDb)).toMatchObject({ workingYearPinned: false });

    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: 'setting.update' }, orderBy: { seq: 'desc' } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { workingYear: 2024 }, after: { countyName: '示范县', workingYear: null } });
  });
});
