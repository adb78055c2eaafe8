import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { userUpdateSchema } from '@/lib/core/schemas/directory';
import { assertNotSelfLockout, assertUsernameFree, userFields, writeUserChange } from './user-record';

/** Edits a person (督查室 only); `updatedAt` from the form guards against a lost update. */
export async function updateUser({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'user.manage')) throw forbidden('管理人员');
  const { userId, updatedAt, ...data } = parseInput(userUpdateSchema, input);
  const after = userFields({ ...data, title: data.title ?? null, unitId: data.unitId ?? null, phone: data.phone ?? null });
  assertNotSelfLockout(user, userId, after);
  await db.$transaction(async (tx) => {
    // Locked, so a concurrent edit waits and then sees the newer updatedAt.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!locked) throw notFound();
    const stored = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (stored.updatedAt.toISOString() !== updatedAt) throw staleVersion();
    await assertUsernameFree(tx, after.username, userId);
    if (after.unitId && !(await tx.unit.findUnique({ where: { id: after.unitId }, select: { id: true } }))) {
      throw new UserFacingError('所选单位不存在', 'INVALID', { unitId: ['所选单位不存在'] });
    }
    await writeUserChange(tx, { actor: user, userId, before: userFields(stored), after });
  });
}
