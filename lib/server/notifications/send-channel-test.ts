import 'server-only';
import { absoluteLink } from '@/lib/core/notify/format-message';
import { sendTestSchema } from '@/lib/core/schemas/notify';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { claimDueMessages, sendClaimedMessage } from '@/lib/server/notifications/deliver-outbox';
import { readNotifySettings } from '@/lib/server/notifications/notify-settings';

/**
 * 发送测试: a test message through the outbox like any other (so it appears in the delivery log),
 * sent at once. Email and SMS channels need an address to send it to.
 */
export async function sendChannelTest({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { channelId, address } = parseInput(sendTestSchema, input);
  const channel = await db.notifyChannel.findUnique({ where: { id: channelId } });
  if (!channel) throw notFound();
  if (!channel.active) throw new UserFacingError('该渠道已停用，请先启用');
  const needsAddress = channel.kind === 'EMAIL' || channel.kind === 'SMS';
  if (needsAddress && !address) throw new UserFacingError(channel.kind === 'EMAIL' ? '请填写测试收件邮箱' : '请填写测试手机号', 'INVALID', { address: ['请填写'] });
  const settings = await readNotifySettings(db);
  const now = new Date();
  const message = await db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.create({
      data: {
        channelId,
        kind: 'channel.test',
        address: needsAddress ? address : null,
        subject: '【测试】落实督查督办系统',
        text: `这是一条测试消息，由${user.name}于${formatShanghaiDateTime(now)}发送。收到即表示「${channel.name}」配置正确。`,
        link: absoluteLink(settings.baseUrl, '/'),
        dueAt: now,
      },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.channel.test', entity: 'NotifyChannel', entityId: channelId, after: { messageId: row.id, address: row.address }, ip });
    return row;
  });
  const [claim] = await claimDueMessages(now, 1, message.id);
  const outcome = claim ? await sendClaimedMessage(claim, now) : 'lost';
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
  return { outcome, status: row.status, error: row.lastError };
}
