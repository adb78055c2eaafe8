import 'server-only';
import type { NotifyChannel, Prisma } from '@/lib/generated/prisma/client';
import { CHANNEL_URL_FIELDS } from '@/lib/core/schemas/notify';
import { openSecret, sealSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';

// A robot's webhook URL carries its access token, so it is sealed like the secret.
const isUrlField = (key: string) => (CHANNEL_URL_FIELDS as readonly string[]).includes(key);

/** The stored form of a channel's secret and config: the secret and the URL fields sealed to the channel's id. */
export function sealChannelFields(channelId: string, fields: { config: Record<string, unknown>; secret?: string | null }): { config: Prisma.InputJsonObject; secret?: string } {
  const context = SECRET_CONTEXT.notifyChannel(channelId);
  return {
    // The config passed its kind's zod schema: plain JSON values.
    config: Object.fromEntries(Object.entries(fields.config).map(([key, value]) => [key, isUrlField(key) && typeof value === 'string' ? sealSecret(value, context) : value])) as Prisma.InputJsonObject,
    ...(fields.secret ? { secret: sealSecret(fields.secret, context) } : {}),
  };
}

/** A channel as its transports and the office's page need it: secret and URLs in clear. */
export function openChannel<T extends Pick<NotifyChannel, 'id' | 'config' | 'secret'>>(channel: T): T {
  const context = SECRET_CONTEXT.notifyChannel(channel.id);
  const config = channel.config as Record<string, unknown>;
  return {
    ...channel,
    config: Object.fromEntries(Object.entries(config).map(([key, value]) => [key, isUrlField(key) && typeof value === 'string' ? openSecret(value, context) : value])),
    secret: channel.secret === null ? null : openSecret(channel.secret, context),
  };
}
