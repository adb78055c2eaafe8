import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { notFound, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { markNotificationsReadSchema } from '@/lib/core/schemas/notification';

/**
 * Marks one of the user's notifications, or all of them, as read; returns the notification (one) and
 * how many changed. Someone else's notification is "not found".
 */
export async function markNotificationsRead({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  const request = parseInput(markNotificationsReadSchema, input);
  return db.$transaction(async (tx) => {
    if ('notificationId' in request) {
      const notification = await tx.notification.findFirst({ where: { id: request.notificationId, userId: user.id } });
      if (!notification) throw notFound();
      if (notification.read) return { notification, count: 0 };
      await tx.notification.update({ where: { id: notification.id }, data: { read: true } });
      await recordAuditEvent(tx, { actorId: user.id, action: 'notification.read', entity: 'Notification', entityId: notification.id, before: { read: false }, after: { read: true }, ip });
      return { notification, count: 1 };
    }
    const { count } = await tx.notification.updateMany({ where: { userId: user.id, read: false }, data: { read: true } });
    if (count > 0) {
      await recordAuditEvent(tx, { actorId: user.id, action: 'notification.readAll', entity: 'User', entityId: user.id, after: { count }, ip });
    }
    return { notification: null, count };
  });
}
