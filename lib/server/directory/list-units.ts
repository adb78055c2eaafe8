import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import type { UnitListParams } from '@/lib/core/schemas/directory';
import type { Prisma } from '@/lib/generated/prisma/client';

// Whitelisted sort keys; ties break on the unique code so pages never overlap.
const ORDER: Record<UnitListParams['sort'], (dir: Prisma.SortOrder) => Prisma.UnitOrderByWithRelationInput[]> = {
  sortOrder: (dir) => [{ sortOrder: dir }, { code: 'asc' }],
  code: (dir) => [{ code: dir }],
  name: (dir) => [{ name: dir }, { code: 'asc' }],
  kind: (dir) => [{ kind: dir }, { sortOrder: 'asc' }, { code: 'asc' }],
  updatedAt: (dir) => [{ updatedAt: dir }, { code: 'asc' }],
};

/** The units for the office: searched by code, name, short name, alias or 职责 keyword, paged. */
export async function listUnits({ user, params }: { user: SessionUser; params: UnitListParams }) {
  if (!can(user, 'user.manage')) throw notFound();
  const where: Prisma.UnitWhereInput = {
    ...(params.active ? { active: params.active === '1' } : {}),
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.q
      ? {
          OR: [
            { code: { contains: params.q, mode: 'insensitive' } },
            { name: { contains: params.q } },
            { shortName: { contains: params.q } },
            { aliases: { has: params.q } },
            { keywords: { has: params.q } },
          ],
        }
      : {}),
  };
  const [rows, total] = await db.$transaction([
    db.unit.findMany({
      where,
      orderBy: ORDER[params.sort](params.dir),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        id: true,
        code: true,
        name: true,
        shortName: true,
        kind: true,
        sortOrder: true,
        active: true,
        keywords: true,
        _count: { select: { users: true, leadTasks: true } },
      },
    }),
    db.unit.count({ where }),
  ]);
  return { rows, total };
}
