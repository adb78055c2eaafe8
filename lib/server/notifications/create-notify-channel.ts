import 'server-only';
import { maskChannelConfig } from '@/lib/core/notify/mask';
import { channelConfigSchemas, channelInputSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { sealChannelFields } from '@/lib/server/notifications/channel-secrets';

/** 督查室 adds a channel. The audit row records that a secret was set, never the secret. */
export async function createNotifyChannel({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { kind, name, active, secret, config } = parseInput(channelInputSchema, input);
  const parsedConfig = parseInput(channelConfigSchemas[kind], config);
  return db.$transaction(async (tx) => {
    if (await tx.notifyChannel.findUnique({ where: { name } })) throw new UserFacingError('已有同名渠道', 'CONFLICT', { name: ['已有同名渠道'] });
    // Sealed to the channel's id, which exists only once the row does.
    const created = await tx.notifyChannel.create({ data: { kind, name, active, config: {} } });
    const channel = await tx.notifyChannel.update({ where: { id: created.id }, data: sealChannelFields(created.id, { config: parsedConfig, secret }) });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.channel.create', entity: 'NotifyChannel', entityId: channel.id, after: { kind, name, active, config: maskChannelConfig(parsedConfig), secretSet: Boolean(secret) }, ip });
    return channel;
  });
}
