// scripts/grant-app-role.sql: the application's role may insert history but never rewrite it, on an
// external server (applied with psql) and on the embedded database, where the launcher applies it.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { EMBEDDED_APP_ROLE } from '@/lib/platform/db/app-role';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { db } from '@/lib/server/db';
import { databaseKind, testDb } from '../support/db';

const ROLE = 'luoshi_app_grant_test';
const PASSWORD = 'grant-test-password';
class Rollback extends Error {}

let app: ReturnType<typeof createPrismaClient>;

async function dropRole() {
  const existing = await testDb.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`);
  if (existing.length === 0) return;
  await testDb.$executeRawUnsafe(`DROP OWNED BY ${ROLE}`);
  await testDb.$executeRawUnsafe(`DROP ROLE ${ROLE}`);
}

beforeAll(async () => {
  await dropRole(); // left over by an interrupted run (roles are cluster-wide)
  await testDb.$executeRawUnsafe(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
  const ownerUrl = inject('databaseUrl');
  execFileSync('psql', [ownerUrl, '-q', '-v', `app_role=${ROLE}`, '-f', 'scripts/grant-app-role.sql'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const appUrl = new URL(ownerUrl);
  appUrl.username = ROLE;
  appUrl.password = PASSWORD;
  app = createPrismaClient(appUrl.toString(), 1);
});

afterAll(async () => {
  await app?.$disconnect();
  await dropRole();
});

describe('the application role (scripts/grant-app-role.sql)', () => {
  test('appends audit events and works on ordinary tables, inside one transaction', async () => {
    const before = await app.auditEvent.count();
    await expect(
      app.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actorId: null, action: 'job.deadlineReminders', entity: 'Job', entityId: 'grant-test', after: { created: 0 } });
        await tx.$executeRawUnsafe(`UPDATE "Task" SET "updatedAt" = "updatedAt" WHERE id IN (SELECT id FROM "Task" LIMIT 1)`);
        expect(await tx.auditEvent.count()).toBe(before + 1);
        throw new Rollback();
      }),
    ).rejects.toThrow(Rollback);
  });

  test.each([
    ['UPDATE "AuditEvent" SET action = action'],
    ['DELETE FROM "AuditEvent" WHERE seq = (SELECT max(seq) FROM "AuditEvent")'],
    ['UPDATE "Signature" SET "signerName" = "signerName"'],
    ['DELETE FROM "Signature"'],
    ['UPDATE "AuditCheckpoint" SET "headHash" = "headHash"'],
    ['DELETE FROM "AuditCheckpoint"'],
    ['TRUNCATE "AuditEvent"'],
    ['DELETE FROM "_prisma_migrations"'],
    ['UPDATE "_prisma_migrations" SET checksum = checksum'],
  ])('cannot %s', async (sql) => {
    await expect(app.$executeRawUnsafe(sql)).rejects.toThrow(/permission denied/);
  });

  test('reads the migration history (health check)', async () => {
    expect((await app.$queryRawUnsafe<unknown[]>('SELECT migration_name FROM "_prisma_migrations"')).length).toBeGreaterThan(0);
  });
});

describe.runIf(databaseKind === 'embedded')('the embedded database, as the app runs', () => {
  test(`the data layer connects as ${EMBEDDED_APP_ROLE}, not as the owner`, async () => {
    const [who] = await db.$queryRawUnsafe<{ current_user: string; super: boolean }[]>(
      `SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`,
    );
    expect(who).toEqual({ current_user: EMBEDDED_APP_ROLE, super: false });
  });

  test.each([
    ['UPDATE "AuditEvent" SET action = action WHERE seq = (SELECT max(seq) FROM "AuditEvent")'],
    ['DELETE FROM "AuditEvent" WHERE seq = (SELECT max(seq) FROM "AuditEvent")'],
    ['UPDATE "Signature" SET "signerName" = "signerName"'],
    ['DELETE FROM "Signature"'],
    ['DELETE FROM "AuditCheckpoint"'],
    ['TRUNCATE "AuditEvent"'],
  ])('refuses %s', async (sql) => {
    await expect(db.$executeRawUnsafe(sql)).rejects.toThrow(/permission denied/);
  });

  test('appends audit events', async () => {
    const before = await testDb.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actorId: null, action: 'job.deadlineReminders', entity: 'Job', entityId: 'embedded-grant-test', after: { created: 0 } });
        expect(await tx.auditEvent.count()).toBe(before + 1);
        throw new Rollback();
      }),
    ).rejects.toThrow(Rollback);
  });
});
