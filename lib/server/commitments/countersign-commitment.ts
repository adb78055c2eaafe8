import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { statusAfter, statusesAllowing } from '@/lib/core/commitment/version-status';
import { signVersion, type SignatureMeta } from './sign-version';

/**
 * The leader who oversees the unit countersigns a SIGNED version (password again): it becomes
 * LOCKED for good. Only now does the letter it amends become SUPERSEDED: until the new version
 * is fully signed, the old one is what the unit answers for.
 */
export async function countersignCommitment({ user, input, meta }: { user: SessionUser; input: unknown; meta: SignatureMeta }) {
  return signVersion({
    user,
    input,
    meta,
    role: 'LEADER',
    mayAct: async (actor, unitId) =>
      can(actor, 'commitment.countersign') &&
      (await db.leaderUnit.count({ where: { leaderId: actor.id, unitId } })) > 0,
    refuse: () => forbidden('会签承诺书（须由分管县领导会签）'),
    after: async (tx, version) => {
      const replaced = await tx.commitmentVersion.findMany({
        where: { commitmentId: version.commitmentId, version: { lt: version.version }, status: { in: statusesAllowing('replace') } },
        select: { id: true, version: true, status: true },
      });
      await tx.commitmentVersion.updateMany({
        where: { id: { in: replaced.map((r) => r.id) }, status: { in: statusesAllowing('replace') } },
        data: { status: statusAfter('replace') },
      });
      for (const old of replaced) {
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: 'commitment.supersede',
          entity: 'CommitmentVersion',
          entityId: old.id,
          before: { status: old.status, version: old.version },
          after: { status: statusAfter('replace'), version: old.version, supersededBy: version.id },
          ip: meta.ip,
        });
      }
      await createNotifications(
        tx,
        { unitIds: [version.unitId], unitRoles: ['UNIT_HEAD'], admins: true },
        {
          kind: 'commitment.locked',
          title: `${version.year}年度目标责任承诺书（第${version.version}版）已完成会签并锁定`,
          link: `/commitments/${version.unitId}/${version.year}`,
        },
        user.id,
      );
    },
  });
}
