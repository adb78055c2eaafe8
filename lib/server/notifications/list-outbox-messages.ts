import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OutboxStatus } from '@/lib/generated/prisma/enums';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: '待发送',
  SENDING: '发送中',
  SENT: '已发送',
  FAILED: '失败',
  UNCERTAIN: '状态不明',
};

/** The delivery log (office only): newest first, by status, paged. */
export async function listOutboxMessages({ user, status, page = 1, pageSize = 50 }: { user: SessionUser; status?: OutboxStatus; page?: number; pageSize?: number }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const where: Prisma.OutboxMessageWhereInput = status ? { status } : {};
  const [rows, total, failing] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, subject: true, address: true, status: true, attempts: true, dueAt: true, sentAt: true, lastError: true, createdAt: true, resentFromId: true, unitId: true, channel: { select: { name: true, kind: true } } },
    }),
    db.outboxMessage.count({ where }),
    db.outboxMessage.count({ where: { status: { in: ['FAILED', 'UNCERTAIN'] } } }),
  ]);
  const units = await db.unit.findMany({ where: { id: { in: rows.flatMap((row) => (row.unitId ? [row.unitId] : [])) } }, select: { id: true, shortName: true } });
  return { rows: rows.map((row) => ({ ...row, unitName: units.find((unit) => unit.id === row.unitId)?.shortName ?? null })), total, failing, page, pageSize };
}
