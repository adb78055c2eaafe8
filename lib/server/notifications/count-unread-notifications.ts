import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';

// Once per page: the bell in the layout and the unit home's unread list ask the same question.
const countUnreadOf = cache((userId: string) => db.notification.count({ where: { userId, read: false } }));

/** How many of the user's own notifications are unread (the bell's badge). */
export async function countUnreadNotifications({ user }: { user: SessionUser }) {
  return countUnreadOf(user.id);
}
