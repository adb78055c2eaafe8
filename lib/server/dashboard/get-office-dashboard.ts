import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { shanghaiDbDate } from '@/lib/server/tasks/light-sql';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { isoFromDate } from '@/lib/core/schemas/common';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';

const QUEUE_SIZE = 10;

/**
 * How far the review queues count: past it the home page says “1000+”. An office with more waiting
 * needs the list, not the figure, and counting 140k pending reports at 1M tasks took 60 ms a page.
 */
export const QUEUE_COUNT_CAP = 1000;

/**
 * The pending reports and closure requests in the user's scope, each counted up to `cap` + 1 (more
 * than `cap` means “over the cap”). Reports of cancelled tasks are left out by an anti-join on the
 * few cancelled tasks, rather than by joining every pending report to its task. For the office it
 * reads only columns of the review-queue index (reviewState, closureRequest, createdAt, taskId): an
 * index-only scan that stops at the cap. Exported for the benchmark.
 */
export function pendingReviewCountsSql(user: SessionUser, cap = QUEUE_COUNT_CAP): Prisma.Sql {
  const scope = can(user, 'task.viewAll')
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = r."taskId" AND ${taskScopeSql(user)})`;
  const counted = (closureRequest: boolean) => Prisma.sql`(SELECT count(*) FROM (
      SELECT 1 FROM "ProgressReport" r
      WHERE r."reviewState" = 'PENDING' AND r."closureRequest" = ${closureRequest}
        AND NOT EXISTS (SELECT 1 FROM "Task" c WHERE c."id" = r."taskId" AND c."status" = 'CANCELLED') ${scope}
      LIMIT ${cap + 1}) pending)::int`;
  return Prisma.sql`SELECT ${counted(false)} AS "reports", ${counted(true)} AS "closures"`;
}

const taskSummary = { select: { id: true, code: true, title: true, leadUnit: { select: { shortName: true } } } } as const;

/**
 * The oldest pending reports (or closure requests) of live tasks in the user's scope: picked in the
 * order of the (reviewState, closureRequest, createdAt) index, each checked against the few
 * cancelled tasks, so the scan stops at the queue's length; then loaded through the Prisma scope.
 */
async function oldestPendingReports(user: SessionUser, closureRequest: boolean) {
  const scope = can(user, 'task.viewAll') ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = r."taskId" AND ${taskScopeSql(user)})`;
  const picked = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT r."id" FROM "ProgressReport" r
    WHERE r."reviewState" = 'PENDING' AND r."closureRequest" = ${closureRequest}
      AND NOT EXISTS (SELECT 1 FROM "Task" c WHERE c."id" = r."taskId" AND c."status" = 'CANCELLED') ${scope}
    ORDER BY r."createdAt" ASC, r."id" ASC LIMIT ${QUEUE_SIZE}`);
  const rows = await db.progressReport.findMany({
    where: { id: { in: picked.map((row) => row.id) }, task: { AND: [taskScopeWhere(user), { status: { not: 'CANCELLED' } }] } },
    select: { id: true, periodKey: true, percent: true, createdAt: true, unit: { select: { shortName: true } }, task: taskSummary },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return picked.flatMap((row) => byId.get(row.id) ?? []);
}

/** A queue's size as the home page shows it: exact up to QUEUE_COUNT_CAP, else the cap and `over`. */
const queueCount = (counted: number) => ({ count: Math.min(counted, QUEUE_COUNT_CAP), over: counted > QUEUE_COUNT_CAP });

async function countPendingReviews(user: SessionUser) {
  const [row] = await db.$queryRaw<{ reports: number; closures: number }[]>(pendingReviewCountsSql(user));
  return { reports: queueCount(row?.reports ?? 0), closures: queueCount(row?.closures ?? 0) };
}

/**
 * 督查工作台: the office's queues — reports waiting for review, closure requests, extension requests
 * and unanswered 督办 (past their response day first) — each as a count and the oldest few, plus the
 * county-wide light counts and the unit ranking for the current year.
 */
export async function getOfficeDashboard({ user, today = new Date() }: { user: SessionUser; today?: Date }) {
  if (!can(user, 'dashboard.office')) throw forbidden('查看督查工作台');
  // Queues about a cancelled task are moot: it takes no more reports, decisions or answers.
  const scope = { task: { AND: [taskScopeWhere(user), { status: { not: 'CANCELLED' as const } }] } };
  const pendingExtensions = { ...scope, decision: 'PENDING' as const };
  const unanswered = { ...scope, kind: 'SUPERVISE' as const, respondedAt: null };
  const year = shanghaiYear(today);

  const [counts, reports, closures, reviewCounts, extensions, extensionCount, supervisions, supervisionCount, ranking] = await Promise.all([
    getTaskLightCounts({ user, today }),
    oldestPendingReports(user, false),
    oldestPendingReports(user, true),
    countPendingReviews(user),
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
    reports: { ...reviewCounts.reports, rows: reports },
    closures: { ...reviewCounts.closures, rows: closures },
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
