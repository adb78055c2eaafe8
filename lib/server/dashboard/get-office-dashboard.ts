import 'server-only';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { shanghaiDbDate } from '@/lib/server/tasks/light-sql';
import { isoFromDate } from '@/lib/core/schemas/common';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';

const QUEUE_SIZE = 10;
const taskSummary = { select: { id: true, code: true, title: true, leadUnit: { select: { shortName: true } } } } as const;

/**
 * 督查工作台: the office's queues — reports waiting for review, closure requests, extension requests
 * and unanswered 督办 (past their response day first) — each as a count and the oldest few, plus the
 * county-wide light counts and the unit ranking for the current year.
 */
export async function getOfficeDashboard({ user, today = new Date() }: { user: SessionUser; today?: Date }) {
  if (!can(user, 'dashboard.office')) throw forbidden('查看督查工作台');
  // Queues about a cancelled task are moot: it takes no more reports, decisions or answers.
  const scope = { task: { AND: [taskScopeWhere(user), { status: { not: 'CANCELLED' as const } }] } };
  const pendingReports = { ...scope, reviewState: 'PENDING' as const, closureRequest: false };
  const closureRequests = { ...scope, reviewState: 'PENDING' as const, closureRequest: true };
  const pendingExtensions = { ...scope, decision: 'PENDING' as const };
  const unanswered = { ...scope, kind: 'SUPERVISE' as const, respondedAt: null };
  const year = shanghaiYear(today);
  const reportSelect = { id: true, periodKey: true, percent: true, createdAt: true, unit: { select: { shortName: true } }, task: taskSummary } as const;

  const [counts, reports, reportCount, closures, closureCount, extensions, extensionCount, supervisions, supervisionCount, ranking] = await Promise.all([
    getTaskLightCounts({ user, today }),
    db.progressReport.findMany({ where: pendingReports, orderBy: { createdAt: 'asc' }, take: QUEUE_SIZE, select: reportSelect }),
    db.progressReport.count({ where: pendingReports }),
    db.progressReport.findMany({ where: closureRequests, orderBy: { createdAt: 'asc' }, take: QUEUE_SIZE, select: reportSelect }),
    db.progressReport.count({ where: closureRequests }),
    db.extensionRequest.findMany({
      where: pendingExtensions,
      orderBy: { createdAt: 'asc' },
      take: QUEUE_SIZE,
      select: { id: true, previousDeadline: true, requestedDeadline: true, reason: true, createdAt: true, task: taskSummary },
    }),
    db.extensionRequest.count({ where: pendingExtensions }),
    db.supervisionAction.findMany({
      where: unanswered,
      orderBy: [{ responseDue: 'asc' }, { createdAt: 'asc' }],
      take: QUEUE_SIZE,
      select: { id: true, text: true, responseDue: true, escalatedAt: true, createdAt: true, recipientUnit: { select: { shortName: true } }, task: taskSummary },
    }),
    db.supervisionAction.count({ where: unanswered }),
    getUnitRanking({ user, year, today }),
  ]);
  const todayDate = shanghaiDbDate(today);
  return {
    counts,
    year,
    reports: { count: reportCount, rows: reports },
    closures: { count: closureCount, rows: closures },
    extensions: {
      count: extensionCount,
      rows: extensions.map((e) => ({ ...e, previousDeadline: isoFromDate(e.previousDeadline), requestedDeadline: isoFromDate(e.requestedDeadline) })),
    },
    supervisions: {
      count: supervisionCount,
      rows: supervisions.map((s) => ({ ...s, responseDue: s.responseDue ? isoFromDate(s.responseDue) : null, overdue: s.responseDue !== null && s.responseDue < todayDate })),
    },
    ranking: ranking.units,
    rankingScheme: ranking.scheme.name,
  };
}

export type OfficeDashboard = Awaited<ReturnType<typeof getOfficeDashboard>>;
