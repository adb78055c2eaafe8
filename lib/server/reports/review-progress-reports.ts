import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { bulkReportReviewSchema } from '@/lib/core/schemas/report';
import type { BulkOutcome } from '@/lib/core/bulk/outcome';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';

/**
 * 批量审核: accepts (or returns with one reason) several reports, each through
 * reviewProgressReport in its own transaction with its own audit row and notice. A closure
 * request is never decided in bulk (it closes a task on its evidence): it is refused by name.
 */
export async function reviewProgressReports({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }): Promise<BulkOutcome> {
  if (!can(user, 'report.review')) throw forbidden('审核报告');
  const { reportIds, decision, reason } = parseInput(bulkReportReviewSchema, input);
  const reports = await db.progressReport.findMany({
    where: { id: { in: reportIds } },
    select: { id: true, closureRequest: true, task: { select: { code: true, version: true } } },
  });
  const byId = new Map(reports.map((r) => [r.id, r]));
  const outcome: BulkOutcome = { done: 0, failed: [] };
  for (const reportId of new Set(reportIds)) {
    const report = byId.get(reportId);
    const label = report?.task.code ?? '报告';
    try {
      if (!report) throw new UserFacingError('未找到该记录，或您无权访问', 'NOT_FOUND');
      if (report.closureRequest) throw new UserFacingError('销号申请请逐项审核', 'INVALID');
      await reviewProgressReport({ user, ip, input: { reportId, decision, reason, version: report.task.version } });
      outcome.done += 1;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      outcome.failed.push({ label, message: error.message });
    }
  }
  return outcome;
}
