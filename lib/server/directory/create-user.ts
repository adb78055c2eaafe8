import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { hashPassword } from '@/lib/server/auth/hash-password';
import { userCreateSchema } from '@/lib/core/schemas/directory';
import { generateOneTimePassword } from '@/lib/core/auth/one-time-password';
import { assertUsernameFree, userFields } from './user-record';

/**
 * A new account (督查室 only). Without a typed initial password a one-time password is generated
 * and returned to be shown once; either way the user must change it at the first sign-in.
 */
export async function createUser({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'user.manage')) throw forbidden('管理人员');
  const { initialPassword, ...data } = parseInput(userCreateSchema, input);
  const fields = userFields({ ...data, title: data.title ?? null, unitId: data.unitId ?? null, phone: data.phone ?? null });
  const oneTimePassword = initialPassword ? null : generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword ?? oneTimePassword!);
  return db.$transaction(async (tx) => {
    await assertUsernameFree(tx, fields.username);
    if (fields.unitId && !(await tx.unit.findUnique({ where: { id: fields.unitId }, select: { id: true } }))) {
      throw new UserFacingError('所选单位不存在', 'INVALID', { unitId: ['所选单位不存在'] });
    }
    const created = await tx.user.create({ data: { ...fields, passwordHash, mustChangePassword: true } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'user.create', entity: 'User', entityId: created.id, after: fields });
    return { id: created.id, username: created.username, name: created.name, oneTimePassword };
  });
}
