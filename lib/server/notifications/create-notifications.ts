import 'server-only';
import type { Tx } from '@/lib/server/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { enqueueOutboundMessages, type ActiveChannel } from '@/lib/server/notifications/enqueue-outbound-messages';

const DEFAULT_UNIT_ROLES: Role[] = ['UNIT_HEAD', 'UNIT_STAFF'];

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
  const userIds = recipients.userIds ?? [];
  const unitIds = recipients.unitIds ?? [];
  const admins = recipients.admins ?? false;
  if (userIds.length === 0 && unitIds.length === 0 && !admins) return 0;
  // One statement: the recipients are chosen in SQL, and the active channels the outbox needs come
  // back with them. A Prisma createMany would be compiled anew on every call (its plan cache skips
  // it): with the two reads beside it, that was a fifth of a progress report's CPU.
  const [answer] = await tx.$queryRaw<{ created: string[]; channels: ActiveChannel[] }[]>`
    WITH "inserted" AS (
      INSERT INTO "Notification" ("userId", "kind", "title", "body", "link", "dedupeKey", "createdAt")
      SELECT u."id", ${message.kind}, ${message.title}, ${message.body ?? null}, ${message.link ?? null}, ${message.dedupeKey ?? null}, ${new Date()}
      FROM "User" u
      WHERE u."active"
        AND (u."id" = ANY(${userIds}::text[])
          OR (u."unitId" = ANY(${unitIds}::text[]) AND u."role"::text = ANY(${recipients.unitRoles ?? DEFAULT_UNIT_ROLES}::text[]))
          OR (${admins} AND u."role" = 'ADMIN'))
        AND u."id" IS DISTINCT FROM ${excludeUserId ?? null}
      ON CONFLICT DO NOTHING
      RETURNING "userId")
    SELECT ARRAY(SELECT "userId" FROM "inserted") AS "created",
      coalesce((SELECT json_agg(json_build_object('id', c."id", 'kind', c."kind") ORDER BY c."createdAt") FROM "NotifyChannel" c WHERE c."active"), '[]') AS "channels"`;
  const { created, channels } = answer!; // a SELECT without FROM answers one row
  await enqueueOutboundMessages(tx, [{ ...message, userIds: created, unitIds }], { activeChannels: channels });
  return created.length;
}
