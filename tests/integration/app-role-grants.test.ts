// scripts/grant-app-role.sql: the application's role may insert history but never rewrite it.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { testDb } from '../support/db';

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
    ['SELECT * FROM "_prisma_migrations"'],
  ])('cannot %s', async (sql) => {
    await expect(app.$executeRawUnsafe(sql)).rejects.toThrow(/permission denied/);
  });
});
