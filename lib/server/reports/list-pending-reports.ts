import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { parseStoredAttachments } from '@/lib/core/attachments/policy';

/** Most pending reports the review list shows at once, oldest first (the rest follow as these are done). */
export const PENDING_REPORTS_SHOWN = 200;

/** The office's queue: reports waiting for 审核, oldest first, with their task and unit. */
export async function listPendingReports({ user }: { user: SessionUser }) {
  if (!can(user, 'report.review')) throw forbidden('审核报告');
  const where = { reviewState: 'PENDING' as const, task: taskScopeWhere(user) };
  const [rows, total] = await Promise.all([
    db.progressReport.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: PENDING_REPORTS_SHOWN,
      include: {
        task: { select: { id: true, code: true, title: true, version: true } },
        unit: { select: { shortName: true } },
        author: { select: { name: true } },
      },
    }),
    db.progressReport.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      task: r.task,
      unit: r.unit.shortName,
      author: r.author?.name ?? null,
      periodKey: r.periodKey,
      percent: r.percent,
      narrative: r.narrative,
      closureRequest: r.closureRequest,
      attachmentCount: parseStoredAttachments(r.attachments).length,
    })),
  };
}

export type PendingReportRow = Awaited<ReturnType<typeof listPendingReports>>['rows'][number];
