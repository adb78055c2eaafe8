import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
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

/** A queue row's task as the home shows it, from the columns TASK_COLUMNS_SQL selects. */
type TaskColumns = { taskId: string; taskCode: string; taskTitle: string; leadUnitShortName: string };
const TASK_COLUMNS_SQL = Prisma.sql`t."id" AS "taskId", t."code" AS "taskCode", t."title" AS "taskTitle", lu."shortName" AS "leadUnitShortName"`;
const taskOf = (row: TaskColumns) => ({ id: row.taskId, code: row.taskCode, title: row.taskTitle, leadUnit: { shortName: row.leadUnitShortName } });

/** A queue's tasks: live (a cancelled task takes no more reports, decisions or answers) and in the user's scope. */
function liveTaskInScopeSql(user: SessionUser): Prisma.Sql {
  return Prisma.sql`t."status" <> 'CANCELLED' AND ${taskScopeSql(user)}`;
}

/**
 * A pending report `r` (or closure request) of a live task in the user's scope. Reports of cancelled
 * tasks are left out by an anti-join on the few cancelled tasks, rather than by joining every
 * pending report to its task; the office needs no scope condition.
 */
function pendingReportSql(user: SessionUser, closureRequest: boolean): Prisma.Sql {
  const scope = can(user, 'task.viewAll') ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = r."taskId" AND ${taskScopeSql(user)})`;
  return Prisma.sql`r."reviewState" = 'PENDING' AND r."closureRequest" = ${closureRequest}
    AND NOT EXISTS (SELECT 1 FROM "Task" c WHERE c."id" = r."taskId" AND c."status" = 'CANCELLED') ${scope}`;
}

/**
 * The four queues' sizes in one statement: pending reports and closure requests, each counted up to
 * `cap` + 1 (more than `cap` means “over the cap”), pending extension requests and unanswered 督办.
 * For the office the reports' counts read only columns of the review-queue
 * index (reviewState, closureRequest, createdAt, taskId): an index-only scan that stops at the cap.
 * Exported for the benchmark.
 */
export function officeQueueCountsSql(user: SessionUser, cap = QUEUE_COUNT_CAP): Prisma.Sql {
  const counted = (closureRequest: boolean) => Prisma.sql`(SELECT count(*) FROM (
      SELECT 1 FROM "ProgressReport" r WHERE ${pendingReportSql(user, closureRequest)} LIMIT ${cap + 1}) pending)::int`;
  return Prisma.sql`SELECT ${counted(false)} AS "reports", ${counted(true)} AS "closures",
    (SELECT count(*) FROM "ExtensionRequest" e JOIN "Task" t ON t."id" = e."taskId"
      WHERE e."decision" = 'PENDING' AND ${liveTaskInScopeSql(user)})::int AS "extensions",
    (SELECT count(*) FROM "SupervisionAction" a JOIN "Task" t ON t."id" = a."taskId"
      WHERE a."kind" = 'SUPERVISE' AND a."respondedAt" IS NULL AND ${liveTaskInScopeSql(user)})::int AS "supervisions"`;
}

type PendingReportRow = TaskColumns & { id: string; periodKey: string; percent: number; createdAt: Date; unitShortName: string };

/**
 * The oldest pending reports (or closure requests) of live tasks in the user's scope, with their
 * unit and task: picked in the order of the (reviewState, closureRequest, createdAt) index, each
 * checked against the few cancelled tasks, so the scan stops at the queue's length.
 */
async function oldestPendingReports(user: SessionUser, closureRequest: boolean) {
  const rows = await db.$queryRaw<PendingReportRow[]>(Prisma.sql`
    SELECT r."id", r."periodKey", r."percent", r."createdAt", u."shortName" AS "unitShortName", ${TASK_COLUMNS_SQL}
    FROM (
      SELECT r."id", r."periodKey", r."percent", r."createdAt", r."unitId", r."taskId" FROM "ProgressReport" r
      WHERE ${pendingReportSql(user, closureRequest)}
      ORDER BY r."createdAt" ASC, r."id" ASC LIMIT ${QUEUE_SIZE}
    ) r
    JOIN "Unit" u ON u."id" = r."unitId" JOIN "Task" t ON t."id" = r."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    ORDER BY r."createdAt" ASC, r."id" ASC`);
  return rows.map((row) => ({ id: row.id, periodKey: row.periodKey, percent: row.percent, createdAt: row.createdAt, unit: { shortName: row.unitShortName }, task: taskOf(row) }));
}

type ExtensionRow = TaskColumns & { id: string; previousDeadline: Date; requestedDeadline: Date; reason: string; createdAt: Date };

async function oldestPendingExtensions(user: SessionUser) {
  const rows = await db.$queryRaw<ExtensionRow[]>(Prisma.sql`
    SELECT e."id", e."previousDeadline", e."requestedDeadline", e."reason", e."createdAt", ${TASK_COLUMNS_SQL}
    FROM "ExtensionRequest" e JOIN "Task" t ON t."id" = e."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    WHERE e."decision" = 'PENDING' AND ${liveTaskInScopeSql(user)}
    ORDER BY e."createdAt" ASC, e."id" ASC LIMIT ${QUEUE_SIZE}`);
  return rows.map((row) => ({
    id: row.id,
    previousDeadline: isoFromDate(row.previousDeadline),
    requestedDeadline: isoFromDate(row.requestedDeadline),
    reason: row.reason,
    createdAt: row.createdAt,
    task: taskOf(row),
  }));
}

type SupervisionRow = TaskColumns & { id: string; text: string; responseDue: Date | null; escalatedAt: Date | null; createdAt: Date; recipientShortName: string | null };

/** Unanswered 督办, past their response day first. */
async function oldestUnansweredSupervisions(user: SessionUser, today: Date) {
  const rows = await db.$queryRaw<SupervisionRow[]>(Prisma.sql`
    SELECT a."id", a."text", a."responseDue", a."escalatedAt", a."createdAt", ru."shortName" AS "recipientShortName", ${TASK_COLUMNS_SQL}
    FROM "SupervisionAction" a JOIN "Task" t ON t."id" = a."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    LEFT JOIN "Unit" ru ON ru."id" = a."recipientUnitId"
    WHERE a."kind" = 'SUPERVISE' AND a."respondedAt" IS NULL AND ${liveTaskInScopeSql(user)}
    ORDER BY a."responseDue" ASC NULLS LAST, a."createdAt" ASC, a."id" ASC LIMIT ${QUEUE_SIZE}`);
  const todayDate = shanghaiDbDate(today);
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    responseDue: row.responseDue ? isoFromDate(row.responseDue) : null,
    overdue: row.responseDue !== null && row.responseDue < todayDate,
    escalatedAt: row.escalatedAt,
    createdAt: row.createdAt,
    recipientUnit: row.recipientShortName === null ? null : { shortName: row.recipientShortName },
    task: taskOf(row),
  }));
}

/** A queue's size as the home page shows it: exact up to QUEUE_COUNT_CAP, else the cap and `over`. */
const queueCount = (counted: number) => ({ count: Math.min(counted, QUEUE_COUNT_CAP), over: counted > QUEUE_COUNT_CAP });

/**
 * 督查工作台: the office's queues — reports waiting for review, closure requests, extension requests
 * and unanswered 督办 (past their response day first) — each as a count and the oldest few, plus the
 * county-wide light counts and the unit ranking for the current year.
 */
export async function getOfficeDashboard({ user, today = new Date() }: { user: SessionUser; today?: Date }) {
  if (!can(user, 'dashboard.office')) throw forbidden('查看督查工作台');
  const year = shanghaiYear(today);
  // One statement per queue and one for their sizes: each a few index reads, joined in SQL.
  const [counts, reports, closures, [sizes], extensions, supervisions, ranking] = await Promise.all([
    getTaskLightCounts({ user, today }),
    oldestPendingReports(user, false),
    oldestPendingReports(user, true),
    db.$queryRaw<{ reports: number; closures: number; extensions: number; supervisions: number }[]>(officeQueueCountsSql(user)),
    oldestPendingExtensions(user),
    oldestUnansweredSupervisions(user, today),
    getUnitRanking({ user, year, today }),
  ]);
  return {
    counts,
    year,
    reports: { ...queueCount(sizes?.reports ?? 0), rows: reports },
    closures: { ...queueCount(sizes?.closures ?? 0), rows: closures },
    extensions: { count: sizes?.extensions ?? 0, rows: extensions },
    supervisions: { count: sizes?.supervisions ?? 0, rows: supervisions },
    ranking: ranking.units,
    rankingScheme: ranking.scheme.name,
  };
}

export type OfficeDashboard = Awaited<ReturnType<typeof getOfficeDashboard>>;
