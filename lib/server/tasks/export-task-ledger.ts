import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { UserFacingError } from '@/lib/server/errors';
import { taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { loadListedTasks, taskListOrderSql, taskListWhereSql } from '@/lib/server/tasks/list-tasks';
import type { TaskListParams } from '@/lib/core/schemas/task-list';
import type { LedgerRow } from '@/lib/core/export/ledger-workbook';
import type { TrafficLight } from '@/lib/core/schedule/progress';

/** More rows than this make a workbook too large to open comfortably on an office PC. */
const LEDGER_EXPORT_CAP = 20_000;
// Keeps each `id IN (…)` well under PostgreSQL's bind-parameter limit.
const LOAD_CHUNK = 5_000;

/**
 * Every task of the list's current filter and order (not just one page), in the user's scope, as
 * ledger rows. Refuses with a message instead of exporting more than `cap` rows.
 */
export async function exportTaskLedger({
  user,
  params,
  today = new Date(),
  cap = LEDGER_EXPORT_CAP,
}: {
  user: SessionUser;
  params: TaskListParams;
  today?: Date;
  /** Tests lower it instead of creating 20,000 tasks. */
  cap?: number;
}) {
  const light = await taskLightColumnSql(today);
  const where = await taskListWhereSql({ user, params, today, light });
  const [counted] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Task" t WHERE ${where}`;
  const total = counted?.total ?? 0;
  if (total > cap) {
    throw new UserFacingError(`符合条件的任务有 ${total} 条，超过单次导出上限 ${cap} 条，请先筛选后再导出`);
  }
  const ordered = await db.$queryRaw<{ id: string; light: TrafficLight }[]>`
    SELECT t."id", ${light} AS "light" FROM "Task" t WHERE ${where} ORDER BY ${taskListOrderSql(params)}`;

  const rows: LedgerRow[] = [];
  for (let start = 0; start < ordered.length; start += LOAD_CHUNK) {
    const chunk = ordered.slice(start, start + LOAD_CHUNK);
    const ids = chunk.map((row) => row.id);
    const [tasks, reports] = await Promise.all([
      loadListedTasks({ user, ids, unitName: 'name' }),
      // Latest report per task; a report the office returned is not the task's progress.
      db.$queryRaw<{ taskId: string; narrative: string; percent: number }[]>`
        SELECT DISTINCT ON (r."taskId") r."taskId", r."narrative", r."percent" FROM "ProgressReport" r
        WHERE r."taskId" IN (${Prisma.join(ids)}) AND r."reviewState" <> 'RETURNED'
        ORDER BY r."taskId", r."createdAt" DESC`,
    ]);
    const taskById = new Map(tasks.map((task) => [task.id, task]));
    const reportByTask = new Map(reports.map((report) => [report.taskId, report]));
    for (const { id, light } of chunk) {
      const task = taskById.get(id);
      if (!task) continue;
      const report = reportByTask.get(id);
      rows.push({
        year: task.year,
        code: task.code,
        title: task.title,
        leaders: task.leaders,
        leadUnit: task.leadUnit,
        coUnits: task.coUnits,
        deadline: task.deadline,
        targets: task.targets,
        progress: report ? { narrative: report.narrative, percent: report.percent } : null,
        status: task.status,
        light,
      });
    }
  }
  return rows;
}
