import 'server-only';
import { maskChannelConfig } from '@/lib/core/notify/mask';
import { channelConfigSchemas, channelInputSchema, CHANNEL_URL_FIELDS } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { openChannel, sealChannelFields } from '@/lib/server/notifications/channel-secrets';

/**
 * 督查室 edits a channel's name and settings; its kind stays. The secret and the webhook URL (which
 * holds the robot's token) are never shown back, so a blank one keeps what is stored. The audit row
 * says whether the secret was replaced, never the secret.
 */
export async function updateNotifyChannel({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { id, name, secret, config } = parseInput(channelInputSchema, input);
  if (!id) throw notFound();
  return db.$transaction(async (tx) => {
    const found = await tx.notifyChannel.findUnique({ where: { id } });
    if (!found) throw notFound();
    const channel = openChannel(found);
    const stored = channel.config as Record<string, unknown>;
    const kept = Object.fromEntries(CHANNEL_URL_FIELDS.filter((field) => !String(config[field] ?? '').trim() && stored[field]).map((field) => [field, stored[field]]));
    const parsedConfig = parseInput(channelConfigSchemas[channel.kind], { ...config, ...kept });
    if (name !== channel.name && (await tx.notifyChannel.findUnique({ where: { name } }))) throw new UserFacingError('已有同名渠道', 'CONFLICT', { name: ['已有同名渠道'] });
    const updated = await tx.notifyChannel.update({ where: { id }, data: { name, ...sealChannelFields(id, { config: parsedConfig, secret }) } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'notify.channel.update',
      entity: 'NotifyChannel',
      entityId: id,
      before: { name: channel.name, config: maskChannelConfig(stored) },
      after: { name, config: maskChannelConfig(parsedConfig), secretReplaced: Boolean(secret) },
      ip,
    });
    return updated;
  });
}
