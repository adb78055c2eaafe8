import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden } from '@/lib/server/errors';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { getUnitRanking } from '@/lib/server/ranking/get-unit-ranking';
import { taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { shanghaiIsoDate, shanghaiYear } from '@/lib/core/schedule/calendar-day';

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
 * The four queues' sizes as columns: pending reports and closure requests, each counted up to `cap`
 * + 1 (more than `cap` means “over the cap”), pending extension requests and unanswered 督办.
 * For the office the reports' counts read only columns of the review-queue
 * index (reviewState, closureRequest, createdAt, taskId): an index-only scan that stops at the cap.
 */
function officeQueueSizeColumnsSql(user: SessionUser, cap: number): Prisma.Sql {
  const counted = (closureRequest: boolean) => Prisma.sql`(SELECT count(*) FROM (
      SELECT 1 FROM "ProgressReport" r WHERE ${pendingReportSql(user, closureRequest)} LIMIT ${cap + 1}) pending)::int`;
  return Prisma.sql`${counted(false)} AS "reports", ${counted(true)} AS "closures",
    (SELECT count(*) FROM "ExtensionRequest" e JOIN "Task" t ON t."id" = e."taskId"
      WHERE e."decision" = 'PENDING' AND ${liveTaskInScopeSql(user)})::int AS "extensions",
    (SELECT count(*) FROM "SupervisionAction" a JOIN "Task" t ON t."id" = a."taskId"
      WHERE a."kind" = 'SUPERVISE' AND a."respondedAt" IS NULL AND ${liveTaskInScopeSql(user)})::int AS "supervisions"`;
}

/** The four queues' sizes in one statement (exported for the benchmark and the plan test). */
export function officeQueueCountsSql(user: SessionUser, cap = QUEUE_COUNT_CAP): Prisma.Sql {
  return Prisma.sql`SELECT ${officeQueueSizeColumnsSql(user, cap)}`;
}

/** An instant in a queue's JSON rows: milliseconds since 1970 (the columns hold UTC). */
const epochMsSql = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * The oldest pending reports (or closure requests) of live tasks in the user's scope, with their
 * unit and task: picked in the order of the (reviewState, closureRequest, createdAt) index, each
 * checked against the few cancelled tasks, so the scan stops at the queue's length. Their JSON
 * array (rowsAsJsonSql) puts them in that order again.
 */
function oldestPendingReportsSql(user: SessionUser, closureRequest: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT r."id", r."periodKey", r."percent", ${epochMsSql(Prisma.sql`r."createdAt"`)} AS "createdAt", u."shortName" AS "unitShortName", ${TASK_COLUMNS_SQL}
    FROM (
      SELECT r."id", r."periodKey", r."percent", r."createdAt", r."unitId", r."taskId" FROM "ProgressReport" r
      WHERE ${pendingReportSql(user, closureRequest)}
      ORDER BY r."createdAt" ASC, r."id" ASC LIMIT ${QUEUE_SIZE}
    ) r
    JOIN "Unit" u ON u."id" = r."unitId" JOIN "Task" t ON t."id" = r."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"`;
}

function oldestPendingExtensionsSql(user: SessionUser): Prisma.Sql {
  return Prisma.sql`
    SELECT e."id", e."previousDeadline", e."requestedDeadline", e."reason", ${epochMsSql(Prisma.sql`e."createdAt"`)} AS "createdAt", ${TASK_COLUMNS_SQL}
    FROM "ExtensionRequest" e JOIN "Task" t ON t."id" = e."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    WHERE e."decision" = 'PENDING' AND ${liveTaskInScopeSql(user)}
    ORDER BY e."createdAt" ASC, e."id" ASC LIMIT ${QUEUE_SIZE}`;
}

/** Unanswered 督办, past their response day first. */
function oldestUnansweredSupervisionsSql(user: SessionUser): Prisma.Sql {
  return Prisma.sql`
    SELECT a."id", a."text", a."responseDue", ${epochMsSql(Prisma.sql`a."escalatedAt"`)} AS "escalatedAt", ${epochMsSql(Prisma.sql`a."createdAt"`)} AS "createdAt",
      ru."shortName" AS "recipientShortName", ${TASK_COLUMNS_SQL}
    FROM "SupervisionAction" a JOIN "Task" t ON t."id" = a."taskId" JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    LEFT JOIN "Unit" ru ON ru."id" = a."recipientUnitId"
    WHERE a."kind" = 'SUPERVISE' AND a."respondedAt" IS NULL AND ${liveTaskInScopeSql(user)}
    ORDER BY a."responseDue" ASC NULLS LAST, a."createdAt" ASC, a."id" ASC LIMIT ${QUEUE_SIZE}`;
}

/** A statement's rows as one JSON array, in `order` (of its output columns, as q."column"). */
const rowsAsJsonSql = (rows: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(SELECT coalesce(json_agg(q ORDER BY ${order}), '[]'::json) FROM (${rows}) q)`;
const OLDEST_FIRST_SQL = Prisma.sql`q."createdAt", q."id"`;

/** JSON rows: dates as 'YYYY-MM-DD', instants as epoch milliseconds (epochMsSql). */
type PendingReportJson = TaskColumns & { id: string; periodKey: string; percent: number; createdAt: number; unitShortName: string };
type ExtensionJson = TaskColumns & { id: string; previousDeadline: string; requestedDeadline: string; reason: string; createdAt: number };
type SupervisionJson = TaskColumns & { id: string; text: string; responseDue: string | null; escalatedAt: number | null; createdAt: number; recipientShortName: string | null };
type OfficeQueuesRow = { reports: number; closures: number; extensions: number; supervisions: number } & {
  reportRows: PendingReportJson[];
  closureRows: PendingReportJson[];
  extensionRows: ExtensionJson[];
  supervisionRows: SupervisionJson[];
};

/**
 * The four queues in one statement: their sizes (officeQueueCountsSql) and their oldest rows as JSON.
 * Five statements, each waiting on its own connection and paid for in the app and in PostgreSQL,
 * cost more than the few index reads they run.
 */
async function loadOfficeQueues(user: SessionUser, today: Date) {
  const [row] = await db.$queryRaw<OfficeQueuesRow[]>(Prisma.sql`
    SELECT ${officeQueueSizeColumnsSql(user, QUEUE_COUNT_CAP)},
      ${rowsAsJsonSql(oldestPendingReportsSql(user, false), OLDEST_FIRST_SQL)} AS "reportRows",
      ${rowsAsJsonSql(oldestPendingReportsSql(user, true), OLDEST_FIRST_SQL)} AS "closureRows",
      ${rowsAsJsonSql(oldestPendingExtensionsSql(user), OLDEST_FIRST_SQL)} AS "extensionRows",
      ${rowsAsJsonSql(oldestUnansweredSupervisionsSql(user), Prisma.sql`q."responseDue" ASC NULLS LAST, ${OLDEST_FIRST_SQL}`)} AS "supervisionRows"`);
  if (!row) throw new Error('office queues query returned no row');
  const pendingReport = (r: PendingReportJson) => ({ id: r.id, periodKey: r.periodKey, percent: r.percent, createdAt: new Date(r.createdAt), unit: { shortName: r.unitShortName }, task: taskOf(r) });
  const todayIso = shanghaiIsoDate(today);
  return {
    sizes: { reports: row.reports, closures: row.closures, extensions: row.extensions, supervisions: row.supervisions },
    reports: row.reportRows.map(pendingReport),
    closures: row.closureRows.map(pendingReport),
    extensions: row.extensionRows.map((e) => ({
      id: e.id,
      previousDeadline: e.previousDeadline,
      requestedDeadline: e.requestedDeadline,
      reason: e.reason,
      createdAt: new Date(e.createdAt),
      task: taskOf(e),
    })),
    supervisions: row.supervisionRows.map((a) => ({
      id: a.id,
      text: a.text,
      responseDue: a.responseDue,
      // 'YYYY-MM-DD' strings compare as the days they name.
      overdue: a.responseDue !== null && a.responseDue < todayIso,
      escalatedAt: a.escalatedAt === null ? null : new Date(a.escalatedAt),
      createdAt: new Date(a.createdAt),
      recipientUnit: a.recipientShortName === null ? null : { shortName: a.recipientShortName },
      task: taskOf(a),
    })),
  };
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
  const [counts, queues, ranking] = await Promise.all([getTaskLightCounts({ user, today }), loadOfficeQueues(user, today), getUnitRanking({ user, year, today })]);
  const { sizes } = queues;
  return {
    counts,
    year,
    reports: { ...queueCount(sizes.reports), rows: queues.reports },
    closures: { ...queueCount(sizes.closures), rows: queues.closures },
    extensions: { count: sizes.extensions, rows: queues.extensions },
    supervisions: { count: sizes.supervisions, rows: queues.supervisions },
    ranking: ranking.units,
    rankingScheme: ranking.scheme.name,
  };
}

export type OfficeDashboard = Awaited<ReturnType<typeof getOfficeDashboard>>;
