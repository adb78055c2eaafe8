import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { buildBulletin } from '@/lib/server/bulletins/build-bulletin';
import { issueBulletinSchema } from '@/lib/core/schemas/bulletin';

/**
 * Issues the 通报 for a month: stores it exactly as built now (later changes to tasks do not alter
 * it), records the audit event, and notifies every unit's users and the county leaders. Issuing a
 * month again keeps the earlier bulletin and adds a new one.
 */
export async function issueBulletin({ user, input, ip, today = new Date() }: { user: SessionUser; input: unknown; ip?: string | null; today?: Date }) {
  if (!can(user, 'bulletin.issue')) throw forbidden('印发通报');
  const { period } = parseInput(issueBulletinSchema, input);
  const content = await buildBulletin({ user, period, today });
  const [units, leaders] = await Promise.all([
    db.unit.findMany({ select: { id: true } }),
    db.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true } }),
  ]);
  return db.$transaction(async (tx) => {
    const bulletin = await tx.bulletin.create({ data: { periodKey: content.period, title: content.title, content, issuedById: user.id } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'bulletin.issue', entity: 'Bulletin', entityId: bulletin.id, after: { periodKey: bulletin.periodKey, title: bulletin.title, totals: content.totals }, ip });
    await createNotifications(
      tx,
      { unitIds: units.map((u) => u.id), userIds: leaders.map((l) => l.id) },
      { kind: 'bulletin.issued', title: `【通报】${content.title}`, body: `完成率、逾期任务和单位排名，截至${content.asOf}`, link: `/bulletins/${bulletin.id}` },
      user.id,
    );
    return bulletin;
  });
}
