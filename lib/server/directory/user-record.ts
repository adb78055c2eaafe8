import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { revokeUserSessions } from '@/lib/server/auth/revoke-user-sessions';
import type { DirectoryRole } from '@/lib/core/directory/labels';

/** The fields of a person the office edits, as audit rows record them (never the password hash). */
export type UserFields = {
  username: string;
  name: string;
  title: string | null;
  role: DirectoryRole;
  unitId: string | null;
  phone: string | null;
  active: boolean;
};

export function userFields(user: UserFields): UserFields {
  const { username, name, title, role, unitId, phone, active } = user;
  return { username, name, title, role, unitId, phone, active };
}

export async function assertUsernameFree(client: Db | Tx, username: string, exceptId?: string) {
  const clash = await client.user.findFirst({ where: { username, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new UserFacingError(`账号“${username}”已被使用`, 'INVALID', { username: ['该账号已被使用'] });
}

/** The office may not lock itself out: its own account stays an active 督查室 account. */
export function assertNotSelfLockout(actor: SessionUser, userId: string, after: Pick<UserFields, 'role' | 'active'>) {
  if (actor.id === userId && (after.role !== 'ADMIN' || !after.active)) {
    throw new UserFacingError('不能停用或降级当前登录的账号', 'INVALID', { role: ['不能停用或降级当前登录的账号'] });
  }
}

/**
 * Writes a change to a person inside the caller's transaction, with its audit row. Moving them to
 * another unit, changing their role or deactivating them ends their sessions, so what they may see
 * changes at their next request; a leader who is no longer a leader stops overseeing units.
 */
export async function writeUserChange(tx: Tx, { actor, userId, before, after }: { actor: SessionUser; userId: string; before: UserFields; after: UserFields }) {
  await tx.user.update({ where: { id: userId }, data: after });
  const scopeChanged = before.role !== after.role || before.unitId !== after.unitId || (before.active && !after.active);
  const endedSessions = scopeChanged ? await revokeUserSessions(tx, userId) : 0;
  let droppedUnitIds: string[] = [];
  if (before.role === 'LEADER' && after.role !== 'LEADER') {
    const links = await tx.leaderUnit.findMany({ where: { leaderId: userId }, select: { unitId: true } });
    droppedUnitIds = links.map((link) => link.unitId);
    await tx.leaderUnit.deleteMany({ where: { leaderId: userId } });
  }
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: 'user.update',
    entity: 'User',
    entityId: userId,
    before: { ...before, ...(droppedUnitIds.length > 0 ? { overseenUnitIds: droppedUnitIds } : {}) },
    after: { ...after, ...(scopeChanged ? { endedSessions } : {}) },
  });
}
