import 'server-only';
import { smsDeliveryTime } from '@/lib/core/notify/delivery-schedule';
import { absoluteLink } from '@/lib/core/notify/format-message';
import { notifyKindGroup } from '@/lib/core/notify/kinds';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotifyChannelKind } from '@/lib/generated/prisma/enums';
import type { Tx } from '@/lib/server/db';
import { readNotifySettings } from '@/lib/server/notifications/notify-settings';

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

/** The active channels, oldest first, as the caller may already have read them in its own statement. */
export type ActiveChannel = { id: string; kind: NotifyChannelKind };

/**
 * Writes the outbox rows for events inside the caller's transaction (so a message exists exactly
 * when the event does): one per unit route of the units concerned, and one per user who asked for
 * the event's kind by email or SMS. SMS waits out quiet hours unless the office lets the kind
 * override. Takes many events at once (the scheduled sweep) with one query per table.
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

  const settings = await readNotifySettings(tx);
  const email = channels.find((channel) => channel.kind === 'EMAIL');
  const sms = channels.find((channel) => channel.kind === 'SMS');
  const routes =
    unitIds.length === 0 ? [] : await tx.unitNotifyRoute.findMany({ where: { unitId: { in: unitIds }, channel: { active: true } }, include: { channel: { select: { kind: true } } } });
  const preferences =
    userIds.length === 0 || !(email || sms)
      ? []
      : await tx.notifyPreference.findMany({
          where: { userId: { in: userIds }, user: { active: true }, OR: [{ emailKinds: { isEmpty: false } }, { smsKinds: { isEmpty: false } }] },
          include: { user: { select: { phone: true } } },
        });
  const preferenceOf = new Map(preferences.map((preference) => [preference.userId, preference]));
  const rows: Prisma.OutboxMessageCreateManyInput[] = [];

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
        dueAt: route.channel.kind === 'SMS' ? smsDeliveryTime(now, UNIT_QUIET_HOURS, urgent) : now,
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
      if (sms && preference.user.phone && preference.smsKinds.includes(group)) {
        const quiet = { start: preference.quietStart, end: preference.quietEnd };
        rows.push({ ...content, channelId: sms.id, userId, address: preference.user.phone, dueAt: smsDeliveryTime(now, quiet, urgent) });
      }
    }
  }
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    created += (await tx.outboxMessage.createMany({ data: rows.slice(i, i + INSERT_CHUNK), skipDuplicates: true })).count;
  }
  return created;
}
