import 'server-only';
import type { Tx } from '@/lib/server/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { enqueueOutboundMessages } from '@/lib/server/notifications/enqueue-outbound-messages';

export type NotificationRecipients = {
  userIds?: string[];
  /** Every active user of these units with one of `unitRoles` (default: head and liaison). */
  unitIds?: string[];
  unitRoles?: Role[];
  /** Every active office (ADMIN) user. */
  admins?: boolean;
};

export type NotificationMessage = {
  kind: string; // e.g. task.assigned, report.returned, supervision.urge, deadline.7d
  title: string;
  body?: string;
  link?: string;
  /** Makes repeated runs (scheduled jobs) idempotent: one notification per user and key. */
  dedupeKey?: string;
};

/**
 * Notifies users inside the caller's transaction; returns how many notifications were new. The same
 * transaction writes the outbox rows for outside channels (unit robots, users' email/SMS).
 */
export async function createNotifications(tx: Tx, recipients: NotificationRecipients, message: NotificationMessage, excludeUserId?: string) {
  const or = [
    ...(recipients.userIds?.length ? [{ id: { in: recipients.userIds } }] : []),
    ...(recipients.unitIds?.length
      ? [{ unitId: { in: recipients.unitIds }, role: { in: recipients.unitRoles ?? (['UNIT_HEAD', 'UNIT_STAFF'] as Role[]) } }]
      : []),
    ...(recipients.admins ? [{ role: 'ADMIN' as const }] : []),
  ];
  const users = or.length === 0 ? [] : await tx.user.findMany({ where: { active: true, OR: or }, select: { id: true } });
  const data = users
    .filter((u) => u.id !== excludeUserId)
    .map((u) => ({
      userId: u.id,
      kind: message.kind,
      title: message.title,
      body: message.body ?? null,
      link: message.link ?? null,
      dedupeKey: message.dedupeKey ?? null,
    }));
  const created = data.length === 0 ? [] : await tx.notification.createManyAndReturn({ data, skipDuplicates: true, select: { userId: true } });
  await enqueueOutboundMessages(tx, [{ ...message, userIds: created.map((row) => row.userId), unitIds: recipients.unitIds ?? [] }]);
  return created.length;
}
