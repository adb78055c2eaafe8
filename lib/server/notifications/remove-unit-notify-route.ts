import 'server-only';
import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput } from '@/lib/server/errors';

/** Stops routing a unit's notices to a channel. */
export async function removeUnitNotifyRoute({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { routeId } = parseInput(z.object({ routeId: idSchema }), input);
  await db.$transaction(async (tx) => {
    const route = await tx.unitNotifyRoute.findUnique({ where: { id: routeId }, include: { channel: { select: { name: true } } } });
    if (!route) throw notFound();
    await tx.unitNotifyRoute.delete({ where: { id: routeId } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.route.remove', entity: 'Unit', entityId: route.unitId, before: { channel: route.channel.name, address: route.address }, ip });
  });
}
