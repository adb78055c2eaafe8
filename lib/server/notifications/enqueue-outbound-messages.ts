import 'server-only';
import { smsDeliveryTime } from '@/lib/core/notify/delivery-schedule';
import { absoluteLink } from '@/lib/core/notify/format-message';
import { notifyKindGroup } from '@/lib/core/notify/kinds';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { readNotifySettings } from '@/lib/server/notifications/notify-settings';

/** Quiet hours for an SMS to a unit's duty phone (a unit has no preferences of its own). */
const UNIT_QUIET_HOURS = { start: 22 * 60, end: 7 * 60 };

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

/**
 * Writes the outbox rows for one event inside the caller's transaction (so a message exists exactly
 * when the event does): one per unit route of the units concerned, and one per user who asked for
 * this kind by email or SMS. SMS waits out quiet hours unless the office lets this kind override.
 */
export async function enqueueOutboundMessages(tx: Tx, event: OutboundEvent, now = new Date()) {
  if (event.userIds.length === 0 && event.unitIds.length === 0) return 0;
  const channels = await tx.notifyChannel.findMany({ where: { active: true }, select: { id: true, kind: true }, orderBy: { createdAt: 'asc' } });
  if (channels.length === 0) return 0;

  const settings = await readNotifySettings(tx);
  const urgent = settings.urgentOverridesQuietHours && settings.urgentKinds.includes(event.kind);
  const content = { kind: event.kind, subject: event.title, text: event.body ?? '', link: absoluteLink(settings.baseUrl, event.link) };
  const rows: Prisma.OutboxMessageCreateManyInput[] = [];

  if (event.unitIds.length > 0) {
    const routes = await tx.unitNotifyRoute.findMany({ where: { unitId: { in: event.unitIds }, channel: { active: true } }, include: { channel: { select: { kind: true } } } });
    for (const route of routes) {
      rows.push({
        ...content,
        channelId: route.channelId,
        unitId: route.unitId,
        address: route.address,
        dueAt: route.channel.kind === 'SMS' ? smsDeliveryTime(now, UNIT_QUIET_HOURS, urgent) : now,
        dedupeKey: event.dedupeKey ? `${event.dedupeKey}:unit:${route.unitId}:${route.channelId}` : null,
      });
    }
  }

  const email = channels.find((channel) => channel.kind === 'EMAIL');
  const sms = channels.find((channel) => channel.kind === 'SMS');
  if (event.userIds.length > 0 && (email || sms)) {
    const group = notifyKindGroup(event.kind);
    const preferences = await tx.notifyPreference.findMany({
      where: { userId: { in: event.userIds }, OR: [{ emailKinds: { has: group } }, { smsKinds: { has: group } }] },
      include: { user: { select: { phone: true, active: true } } },
    });
    for (const preference of preferences) {
      if (!preference.user.active) continue;
      if (email && preference.email && preference.emailKinds.includes(group)) {
        rows.push({ ...content, channelId: email.id, userId: preference.userId, address: preference.email, dueAt: now });
      }
      if (sms && preference.user.phone && preference.smsKinds.includes(group)) {
        const quiet = { start: preference.quietStart, end: preference.quietEnd };
        rows.push({ ...content, channelId: sms.id, userId: preference.userId, address: preference.user.phone, dueAt: smsDeliveryTime(now, quiet, urgent) });
      }
    }
  }
  if (rows.length === 0) return 0;
  return (await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true })).count;
}
