import 'server-only';
import { db } from '@/lib/server/db';
import { countUnreadNotifications } from '@/lib/server/notifications/count-unread-notifications';
import type { SessionUser } from '@/lib/server/auth/permissions';

export const NOTIFICATION_PAGE_SIZE = 20;

/**
 * The user's own notifications, newest first, one page at a time. A preview of the unread ones
 * (`unreadOnly` with `badgeTotal`) takes the bell's count, capped at UNREAD_BADGE_LIMIT and read once per page.
 */
export async function listNotifications({
  user,
  page = 1,
  unreadOnly = false,
  badgeTotal = false,
  pageSize = NOTIFICATION_PAGE_SIZE,
}: {
  user: SessionUser;
  page?: number;
  unreadOnly?: boolean;
  badgeTotal?: boolean;
  pageSize?: number;
}) {
  const where = { userId: user.id, ...(unreadOnly ? { read: false } : {}) };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, title: true, body: true, link: true, read: true, createdAt: true },
    }),
    unreadOnly && badgeTotal ? countUnreadNotifications({ user }) : db.notification.count({ where }),
  ]);
  return { rows, total };
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['rows'][number];
