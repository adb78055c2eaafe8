import 'server-only';
import { smsDeliveryTime } from '@/lib/core/notify/delivery-schedule';
import { absoluteLink } from '@/lib/core/notify/format-message';
import { notifyKindGroup } from '@/lib/core/notify/kinds';
import type { NotifyChannelKind } from '@/lib/generated/prisma/enums';
import type { Tx } from '@/lib/server/db';
import { NOTIFY_SETTING_KEY, notifySettingsFrom } from '@/lib/server/notifications/notify-settings';

/** Quiet hours for an SMS to a unit's duty phone (a unit has no preferences of its own). */
const UNIT_QUIET_HOURS = { start: 22 * 60, end: 7 * 60 };
const INSERT_CHUNK = 5000;

export type OutboundEvent = {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  dedupeKey?: string;
  /** Users who got a new in-app notice: their own email/SMS preferences apply. */
  userIds: string[];
  /** Units whose robots and addresses receive the notice. */
  unitIds: string[];
};

type UnitRoute = { unitId: string; channelId: string; address: string | null; kind: NotifyChannelKind };
type UserPreference = { userId: string; email: string | null; emailKinds: string[]; smsKinds: string[]; quietStart: number; quietEnd: number; phone: string | null };
/** An outbox row as written (JSON dates are ISO instants in UTC, stored as the timestamps Prisma writes). */
type OutboxRow = {
  channelId: string;
  kind: string;
  unitId?: string;
  userId?: string;
  address: string | null;
  subject: string;
  text: string;
  link: string | null;
  dueAt: Date;
  dedupeKey?: string | null;
};

/** The active channels, oldest first, as the caller may already have read them in its own statement. */
export type ActiveChannel = { id: string; kind: NotifyChannelKind };

/**
 * Writes the outbox rows for events inside the caller's transaction (so a message exists exactly
 * when the event does): one per unit route of the units concerned, and one per user who asked for
 * the event's kind by email or SMS. SMS waits out quiet hours unless the office lets the kind
 * override. Takes many events at once (the scheduled sweep): one statement reads what it needs, one
 * writes the rows (per INSERT_CHUNK).
 */
export async function enqueueOutboundMessages(
  tx: Tx,
  events: OutboundEvent[],
  { now = new Date(), activeChannels }: { now?: Date; activeChannels?: ActiveChannel[] } = {},
) {
  const unitIds = [...new Set(events.flatMap((event) => event.unitIds))];
  const userIds = [...new Set(events.flatMap((event) => event.userIds))];
  if (unitIds.length === 0 && userIds.length === 0) return 0;
  const channels = activeChannels ?? (await tx.notifyChannel.findMany({ where: { active: true }, select: { id: true, kind: true }, orderBy: { createdAt: 'asc' } }));
  if (channels.length === 0) return 0;

  const email = channels.find((channel) => channel.kind === 'EMAIL');
  const sms = channels.find((channel) => channel.kind === 'SMS');
  // The settings, the units' routes on active channels and the users' preferences in one statement.
  const [read] = await tx.$queryRaw<{ settings: unknown; routes: UnitRoute[]; preferences: UserPreference[] }[]>`
    SELECT (SELECT s."value" FROM "Setting" s WHERE s."key" = ${NOTIFY_SETTING_KEY}) AS "settings",
      coalesce((SELECT json_agg(json_build_object('unitId', r."unitId", 'channelId', r."channelId", 'address', r."address", 'kind', c."kind") ORDER BY r."createdAt", r."id")
        FROM "UnitNotifyRoute" r JOIN "NotifyChannel" c ON c."id" = r."channelId" AND c."active"
        WHERE r."unitId" = ANY(${unitIds}::text[])), '[]') AS "routes",
      coalesce((SELECT json_agg(json_build_object('userId', p."userId", 'email', p."email", 'emailKinds', p."emailKinds", 'smsKinds', p."smsKinds",
          'quietStart', p."quietStart", 'quietEnd', p."quietEnd", 'phone', u."phone"))
        FROM "NotifyPreference" p JOIN "User" u ON u."id" = p."userId" AND u."active"
        WHERE ${Boolean(email || sms)} AND p."userId" = ANY(${userIds}::text[]) AND (cardinality(p."emailKinds") > 0 OR cardinality(p."smsKinds") > 0)), '[]') AS "preferences"`;
  const { settings: storedSettings, routes, preferences } = read!; // a SELECT without FROM answers one row
  const settings = notifySettingsFrom(storedSettings);
  const preferenceOf = new Map(preferences.map((preference) => [preference.userId, preference]));
  const rows: OutboxRow[] = [];

  for (const event of events) {
    const urgent = settings.urgentOverridesQuietHours && settings.urgentKinds.includes(event.kind);
    const content = { kind: event.kind, subject: event.title, text: event.body ?? '', link: absoluteLink(settings.baseUrl, event.link) };
    for (const route of routes) {
      if (!event.unitIds.includes(route.unitId)) continue;
      rows.push({
        ...content,
        channelId: route.channelId,
        unitId: route.unitId,
        address: route.address,
        dueAt: route.kind === 'SMS' ? smsDeliveryTime(now, UNIT_QUIET_HOURS, urgent) : now,
        dedupeKey: event.dedupeKey ? `${event.dedupeKey}:unit:${route.unitId}:${route.channelId}` : null,
      });
    }
    const group = notifyKindGroup(event.kind);
    for (const userId of event.userIds) {
      const preference = preferenceOf.get(userId);
      if (!preference) continue;
      if (email && preference.email && preference.emailKinds.includes(group)) {
        rows.push({ ...content, channelId: email.id, userId, address: preference.email, dueAt: now });
      }
      if (sms && preference.phone && preference.smsKinds.includes(group)) {
        const quiet = { start: preference.quietStart, end: preference.quietEnd };
        rows.push({ ...content, channelId: sms.id, userId, address: preference.phone, dueAt: smsDeliveryTime(now, quiet, urgent) });
      }
    }
  }
  // In SQL, in chunks: a Prisma createMany is compiled anew on every call.
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    // A key a row leaves out (a unit route's userId) reads as NULL.
    created += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("channelId", "kind", "unitId", "userId", "address", "subject", "text", "link", "dueAt", "dedupeKey", "createdAt")
      SELECT r."channelId", r."kind", r."unitId", r."userId", r."address", r."subject", r."text", r."link", r."dueAt", r."dedupeKey", ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + INSERT_CHUNK))}::jsonb) AS r("channelId" text, "kind" text, "unitId" text, "userId" text,
        "address" text, "subject" text, "text" text, "link" text, "dueAt" timestamp(3), "dedupeKey" text)
      ON CONFLICT DO NOTHING`;
  }
  return created;
}
