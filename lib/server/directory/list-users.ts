import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import type { UserListParams } from '@/lib/core/schemas/directory';
import type { Prisma } from '@/lib/generated/prisma/client';

// Whitelisted sort keys; ties break on the unique account so pages never overlap.
const ORDER: Record<UserListParams['sort'], (dir: Prisma.SortOrder) => Prisma.UserOrderByWithRelationInput[]> = {
  unit: (dir) => [{ unit: { sortOrder: dir } }, { role: 'asc' }, { username: 'asc' }],
  username: (dir) => [{ username: dir }],
  name: (dir) => [{ name: dir }, { username: 'asc' }],
  role: (dir) => [{ role: dir }, { username: 'asc' }],
  updatedAt: (dir) => [{ updatedAt: dir }, { username: 'asc' }],
};

/** People for the office: searched by name, account or unit, paged. */
export async function listUsers({ user, params }: { user: SessionUser; params: UserListParams }) {
  if (!can(user, 'user.manage')) throw notFound();
  const where: Prisma.UserWhereInput = {
    ...(params.active ? { active: params.active === '1' } : {}),
    ...(params.role ? { role: params.role } : {}),
    ...(params.q
      ? {
          OR: [
            { username: { contains: params.q, mode: 'insensitive' } },
            { name: { contains: params.q } },
            { unit: { name: { contains: params.q } } },
            { unit: { shortName: { contains: params.q } } },
            { unit: { code: { equals: params.q, mode: 'insensitive' } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await db.$transaction([
    db.user.findMany({
      where,
      orderBy: ORDER[params.sort](params.dir),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        id: true,
        username: true,
        name: true,
        title: true,
        role: true,
        phone: true,
        active: true,
        mustChangePassword: true,
        unit: { select: { id: true, shortName: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
}
