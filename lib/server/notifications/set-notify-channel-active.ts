import 'server-only';
import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput } from '@/lib/server/errors';

const inputSchema = z.object({ channelId: idSchema, active: z.boolean() });

/** Stops (or resumes) a channel: its pending messages wait; nothing new is routed to it meanwhile. */
export async function setNotifyChannelActive({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { channelId, active } = parseInput(inputSchema, input);
  await db.$transaction(async (tx) => {
    const channel = await tx.notifyChannel.findUnique({ where: { id: channelId } });
    if (!channel) throw notFound();
    await tx.notifyChannel.update({ where: { id: channelId }, data: { active } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.channel.update', entity: 'NotifyChannel', entityId: channelId, before: { active: channel.active }, after: { active }, ip });
  });
}
