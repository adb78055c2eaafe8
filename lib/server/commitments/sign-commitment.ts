import 'server-only';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { signVersion, type SignatureMeta } from './sign-version';

/**
 * The unit head signs an ISSUED version of their own unit's letter after entering their password
 * again (ISSUED → SIGNED); the leaders who oversee the unit are asked to countersign.
 */
export async function signCommitment({ user, input, meta }: { user: SessionUser; input: unknown; meta: SignatureMeta }) {
  return signVersion({
    user,
    input,
    meta,
    role: 'UNIT_HEAD',
    mayAct: (actor, unitId) => can(actor, 'commitment.signUnit') && actor.unitId === unitId,
    refuse: () => forbidden('签署承诺书（须由本单位负责人签署）'),
    after: async (tx, version) => {
      const leaders = await tx.leaderUnit.findMany({ where: { unitId: version.unitId }, select: { leaderId: true } });
      await createNotifications(
        tx,
        { userIds: leaders.map((l) => l.leaderId) },
        {
          kind: 'commitment.signed',
          title: `${version.year}年度目标责任承诺书（第${version.version}版）单位已签署，请会签`,
          link: `/commitments/${version.unitId}/${version.year}`,
        },
      );
    },
  });
}
