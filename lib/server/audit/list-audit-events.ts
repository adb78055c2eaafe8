import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { AUDIT_PAGE_SIZE, type AuditListParams } from '@/lib/core/schemas/audit';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The audit log, newest first, for the office: `{ rows, total }` from one query pair. */
export async function listAuditEvents({ user, params }: { user: SessionUser; params: AuditListParams }) {
  if (!can(user, 'audit.view')) throw notFound();
  const where: Prisma.AuditEventWhereInput = {
    ...(params.entity ? { entity: params.entity } : {}),
    ...(params.action ? { action: { startsWith: params.action } } : {}),
    ...(params.entityId ? { entityId: params.entityId } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      orderBy: { seq: 'desc' },
      skip: (params.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        seq: true,
        action: true,
        entity: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        hash: true,
        createdAt: true,
        actor: { select: { name: true, username: true } },
      },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { rows, total };
}
