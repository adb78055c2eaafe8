import { describe, expect, test } from 'vitest';
import { listNotifications } from '@/lib/server/notifications/list-notifications';
import { countUnreadNotifications } from '@/lib/server/notifications/count-unread-notifications';
import { markNotificationsRead } from '@/lib/server/notifications/mark-notifications-read';
import { sessionUser, testDb } from '../support/db';

async function notify(username: string, title: string) {
  const user = await testDb.user.findUniqueOrThrow({ where: { username } });
  return testDb.notification.create({ data: { userId: user.id, kind: 'test', title } });
}

describe('notifications are each user\'s own', () => {
  test('list, count and mark read see only the user\'s own notifications', async () => {
    const mine = await notify('tjj_staff', '统计局的通知');
    const theirs = await notify('tjj_head', '负责人的通知');
    const staff = await sessionUser('tjj_staff');
    const unreadBefore = await countUnreadNotifications({ user: staff });

    const list = await listNotifications({ user: staff, pageSize: 100 });
    expect(list.rows.map((n) => n.id)).toContain(mine.id);
    expect(list.rows.map((n) => n.id)).not.toContain(theirs.id);
    expect(list.total).toBe(await testDb.notification.count({ where: { userId: staff.id } }));

    await expect(markNotificationsRead({ user: staff, input: { notificationId: theirs.id } })).rejects.toThrow('未找到该记录');
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: theirs.id } })).read).toBe(false);

    expect(await markNotificationsRead({ user: staff, input: { notificationId: mine.id } })).toMatchObject({ count: 1, notification: { id: mine.id } });
    expect(await countUnreadNotifications({ user: staff })).toBe(unreadBefore - 1);
    expect((await markNotificationsRead({ user: staff, input: { notificationId: mine.id } })).count).toBe(0); // already read
    const audit = await testDb.auditEvent.findMany({ where: { entity: 'Notification', entityId: mine.id } });
    expect(audit.map((e) => e.action)).toEqual(['notification.read']);
  });

  test('"mark all" marks only the user\'s own; the unread filter and paging work', async () => {
    for (let i = 0; i < 3; i += 1) await notify('tcj_staff', `招商局通知${i}`);
    const other = await notify('tcj_head', '另一用户');
    const staff = await sessionUser('tcj_staff');
    const unread = await countUnreadNotifications({ user: staff });
    expect(unread).toBeGreaterThanOrEqual(3);
    const firstPage = await listNotifications({ user: staff, unreadOnly: true, page: 1, pageSize: 2 });
    expect(firstPage).toMatchObject({ total: unread });
    expect(firstPage.rows).toHaveLength(2);
    expect(firstPage.rows[0]!.title).toBe('招商局通知2'); // newest first

    expect(await markNotificationsRead({ user: staff, input: { all: true } })).toMatchObject({ count: unread });
    expect(await countUnreadNotifications({ user: staff })).toBe(0);
    expect((await testDb.notification.findUniqueOrThrow({ where: { id: other.id } })).read).toBe(false);
    await expect(markNotificationsRead({ user: staff, input: { everything: 'yes' } })).rejects.toThrow();
  });

  test('the bell counts to 100 however many are unread; the list still says how many', async () => {
    const user = await sessionUser('tjj_head');
    const title = `积压通知${Math.random()}`;
    await testDb.notification.createMany({ data: Array.from({ length: 130 }, (_, i) => ({ userId: user.id, kind: 'test.backlog', title: `${title}-${i}` })) });
    try {
      const exact = await testDb.notification.count({ where: { userId: user.id, read: false } });
      expect(exact).toBeGreaterThanOrEqual(130);
      expect(await countUnreadNotifications({ user })).toBe(100);
      expect((await listNotifications({ user, unreadOnly: true, pageSize: 5 })).total).toBe(exact);
      expect((await listNotifications({ user, unreadOnly: true, badgeTotal: true, pageSize: 5 })).total).toBe(100);
    } finally {
      await testDb.notification.deleteMany({ where: { kind: 'test.backlog', userId: user.id } });
    }
  });
});
