import 'server-only';
import { maskSecret, maskUrl } from '@/lib/core/notify/mask';
import { channelConfigSchemas, CHANNEL_URL_FIELDS } from '@/lib/core/schemas/notify';
import type { NotifyChannel } from '@/lib/generated/prisma/client';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { readNotifySettings } from '@/lib/server/notifications/notify-settings';
import { openChannel } from '@/lib/server/notifications/channel-secrets';

/** A channel's settings in one line, with tokens and passwords masked. */
function describeChannel(channel: NotifyChannel): string {
  switch (channel.kind) {
    case 'EMAIL': {
      const config = channelConfigSchemas.EMAIL.safeParse(channel.config);
      return config.success ? `${config.data.host}:${config.data.port}${config.data.secure ? '（TLS）' : ''}，发件人 ${config.data.from}${config.data.user ? `，账号 ${config.data.user}` : ''}` : '配置无效';
    }
    case 'DINGTALK':
    case 'WECOM': {
      const config = channelConfigSchemas[channel.kind].safeParse(channel.config);
      return config.success ? maskUrl(config.data.webhookUrl) : '配置无效';
    }
    case 'SMS': {
      const config = channelConfigSchemas.SMS.safeParse(channel.config);
      return config.success ? `${config.data.method} ${maskUrl(config.data.url)}` : '配置无效';
    }
    case 'WEBHOOK': {
      const config = channelConfigSchemas.WEBHOOK.safeParse(channel.config);
      return config.success ? maskUrl(config.data.url) : '配置无效';
    }
  }
}

/** The office's channels (secrets masked) with the units routed to each, the units to choose from, and the settings. */
export async function listNotifyChannels({ user }: { user: SessionUser }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const [channels, units, settings] = await Promise.all([
    db.notifyChannel.findMany({
      orderBy: { createdAt: 'asc' },
      include: { unitRoutes: { include: { unit: { select: { shortName: true, sortOrder: true } } }, orderBy: { unit: { sortOrder: 'asc' } } } },
    }),
    db.unit.findMany({ where: { active: true }, select: { id: true, shortName: true }, orderBy: [{ sortOrder: 'asc' }, { shortName: 'asc' }] }),
    readNotifySettings(db),
  ]);
  return {
    channels: channels.map(openChannel).map((channel) => ({
      id: channel.id,
      kind: channel.kind,
      name: channel.name,
      active: channel.active,
      summary: describeChannel(channel),
      secret: maskSecret(channel.secret),
      // What the edit form may show again: everything but the URLs (their tokens) and the secret.
      editableConfig: Object.fromEntries(
        Object.entries(channel.config as Record<string, unknown>).filter(([key]) => !(CHANNEL_URL_FIELDS as readonly string[]).includes(key)).map(([key, value]) => [key, String(value ?? '')]),
      ),
      routes: channel.unitRoutes.map((route) => ({ id: route.id, unitName: route.unit.shortName, address: route.address })),
    })),
    units,
    settings,
  };
}
export type NotifyChannelList = Awaited<ReturnType<typeof listNotifyChannels>>;
