// createNotifications chooses its recipients in one SQL statement: who gets a notice, once each.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNotifications, type NotificationRecipients } from '@/lib/server/notifications/create-notifications';
import { testDb } from '../support/db';

const KIND = 'test.recipients';
let unitAId = '';
let unitBId = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const unit = (code: string, name: string) => testDb.unit.create({ data: { code: `${code}_${suffix}`, name: `${name}${suffix}`, shortName: `${name}${suffix}`, kind: 'DEPARTMENT' } });
  unitAId = (await unit('rcpa', '收件甲局')).id;
  unitBId = (await unit('rcpb', '收件乙局')).id;
  const person = async (key: string, role: 'UNIT_HEAD' | 'UNIT_STAFF' | 'ADMIN', unitId: string | null, active = true) => {
    ids[key] = (await testDb.user.create({ data: { username: `${key}_${suffix}`, name: key, role, unitId, active, passwordHash: 'x' } })).id;
  };
  await person('aHead', 'UNIT_HEAD', unitAId);
  await person('aStaff', 'UNIT_STAFF', unitAId);
  await person('aGone', 'UNIT_STAFF', unitAId, false);
  await person('bStaff', 'UNIT_STAFF', unitBId);
  await person('office', 'ADMIN', null);
  await person('officeGone', 'ADMIN', null, false);
});

// The files share one database: the people and units made here leave with the file.
afterAll(async () => {
  await testDb.notification.deleteMany({ where: { kind: KIND } });
  await testDb.user.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await testDb.unit.deleteMany({ where: { id: { in: [unitAId, unitBId] } } });
});

async function notify(recipients: NotificationRecipients, dedupeKey: string | undefined, excludeUserId?: string) {
  const title = `收件测试 ${Math.random()}`;
  const count = await createNotifications(testDb, recipients, { kind: KIND, title, body: '正文', link: '/tasks', dedupeKey }, excludeUserId);
  const rows = await testDb.notification.findMany({ where: { title } });
  return { count, rows, userIds: rows.map((row) => row.userId).sort() };
}

const sorted = (...keys: string[]) => keys.map((key) => ids[key]!).sort();

describe('createNotifications: recipients chosen in SQL', () => {
  test("a unit's head and liaison by default, only the roles asked for otherwise; never an inactive user", async () => {
    expect((await notify({ unitIds: [unitAId] }, undefined)).userIds).toEqual(sorted('aHead', 'aStaff'));
    expect((await notify({ unitIds: [unitAId], unitRoles: ['UNIT_HEAD'] }, undefined)).userIds).toEqual(sorted('aHead'));
    expect((await notify({ unitIds: [unitAId, unitBId] }, undefined)).userIds).toEqual(sorted('aHead', 'aStaff', 'bStaff'));
    expect((await notify({ userIds: [ids.aGone!, ids.bStaff!] }, undefined)).userIds).toEqual(sorted('bStaff'));
  });

  test('the office: every active ADMIN, with named users and units, each person once; the actor left out', async () => {
    const admins = (await testDb.user.findMany({ where: { role: 'ADMIN', active: true }, select: { id: true } })).map((u) => u.id);
    expect(admins).toContain(ids.office);
    expect(admins).not.toContain(ids.officeGone);
    const all = await notify({ admins: true, userIds: [ids.aStaff!, ids.office!], unitIds: [unitAId] }, undefined);
    expect(all.userIds).toEqual([...admins, ids.aHead!, ids.aStaff!].sort());
    expect(all.count).toBe(all.rows.length);
    const withoutActor = await notify({ unitIds: [unitAId] }, undefined, ids.aStaff);
    expect(withoutActor.userIds).toEqual(sorted('aHead'));
  });

  test('the message is stored as given, dated now (UTC), and a repeated dedupe key adds nothing', async () => {
    const before = Date.now();
    const first = await notify({ unitIds: [unitBId] }, `recipients-test:${Math.random()}`);
    expect(first.count).toBe(1);
    const [row] = first.rows;
    expect(row).toMatchObject({ userId: ids.bStaff, kind: KIND, body: '正文', link: '/tasks', read: false });
    expect(row!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row!.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const key = `recipients-test:${Math.random()}`;
    const title = '只发一次';
    expect(await createNotifications(testDb, { unitIds: [unitAId] }, { kind: KIND, title, dedupeKey: key })).toBe(2);
    expect(await createNotifications(testDb, { unitIds: [unitAId, unitBId] }, { kind: KIND, title, dedupeKey: key })).toBe(1); // only bStaff is new
    expect(await testDb.notification.count({ where: { dedupeKey: key } })).toBe(3);
  });

  test('no recipients: nothing written', async () => {
    expect((await notify({}, undefined)).count).toBe(0);
    expect((await notify({ userIds: [], unitIds: [] }, undefined)).rows).toHaveLength(0);
  });
});
