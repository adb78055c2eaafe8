import 'server-only';
import { unitRouteInputSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';

/** Routes a unit's notices to a channel: a robot as is, an email or SMS channel to the given address. */
export async function addUnitNotifyRoute({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { unitId, channelId, address } = parseInput(unitRouteInputSchema, input);
  return db.$transaction(async (tx) => {
    const [unit, channel] = await Promise.all([tx.unit.findUnique({ where: { id: unitId } }), tx.notifyChannel.findUnique({ where: { id: channelId } })]);
    if (!unit || !channel) throw notFound();
    const needsAddress = channel.kind === 'EMAIL' || channel.kind === 'SMS';
    if (needsAddress && !address) throw new UserFacingError(channel.kind === 'EMAIL' ? '请填写单位邮箱' : '请填写单位值班手机号', 'INVALID', { address: ['请填写地址'] });
    if (needsAddress && (channel.kind === 'EMAIL') !== address.includes('@')) throw new UserFacingError(channel.kind === 'EMAIL' ? '邮箱地址无效' : '手机号无效', 'INVALID', { address: ['地址与渠道类型不符'] });
    const route = await tx.unitNotifyRoute.upsert({
      where: { unitId_channelId: { unitId, channelId } },
      create: { unitId, channelId, address: needsAddress ? address : null },
      update: { address: needsAddress ? address : null },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.route.add', entity: 'Unit', entityId: unitId, after: { channel: channel.name, address: route.address }, ip });
    return route;
  });
}
