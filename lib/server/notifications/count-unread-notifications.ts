import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { UNREAD_BADGE_LIMIT } from '@/lib/core/notify/unread-badge';

// Once per page: the layout's bell and any page that shows the badge ask the same question.
const countUnreadOf = cache((userId: string) => db.notification.count({ where: { userId, read: false }, take: UNREAD_BADGE_LIMIT }));

/** How many of the user's own notifications are unread, up to UNREAD_BADGE_LIMIT (the bell's badge). */
export async function countUnreadNotifications({ user }: { user: SessionUser }) {
  return countUnreadOf(user.id);
}
