import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';

/** How many of the user's own notifications are unread (the bell's badge). */
export async function countUnreadNotifications({ user }: { user: SessionUser }) {
  return db.notification.count({ where: { userId: user.id, read: false } });
}
