import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { ScopeMemberKey } from '@/lib/server/tasks/task-scope-sql';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { SUMMED_FIGURES_SQL } from '@/lib/server/dashboard/task-figure-summary';
import { isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';

/*
 * figureCountsSql's figures of one unit's or leader's tasks, summed from "TaskScopeFigures" and the
 * deltas not yet folded into it (both kept by triggers on "TaskScopeMember", see the migration
 * 20261201025324_task_scope_figures): a few thousand rows however many tasks the scope holds.
 *
 * Only while summaryAnswers({ today }) (task-figure-summary.ts): the rows count the stored light, and
 * "closed" is status CLOSED, which is the scan's figure while no task was closed after today. The
 * deadline is part of the key, so overdue (not closed, deadline before today) is a sum too.
 */

/** The SQL of scopeFigureCounts (exported for the benchmark). */
export function scopeFigureCountsSql({ member, today }: { member: ScopeMemberKey; today: Date }): Prisma.Sql {
  const todayIso = isoDateFromDayNumber(shanghaiDayNumber(today));
  const keys = Prisma.sql`"status", "light", "deadline", "closedOnTime", "tasks"`;
  const ofScope = Prisma.sql`"scopeKind" = ${member.kind} AND "scopeId" = ${member.id} AND "status" <> 'CANCELLED'`;
  return Prisma.sql`
    SELECT ${SUMMED_FIGURES_SQL},
      coalesce(sum(f."tasks") FILTER (WHERE f."status" <> 'CLOSED' AND f."deadline" < ${todayIso}::date), 0)::int AS "overdue"
    FROM (SELECT ${keys} FROM "TaskScopeFigures" WHERE ${ofScope} UNION ALL SELECT ${keys} FROM "TaskScopeFigureDelta" WHERE ${ofScope}) f`;
}

/** The unit's or leader's figures on the day of `today`; the caller checks summaryAnswers({ today }). */
export async function scopeFigureCounts(options: { member: ScopeMemberKey; today: Date }): Promise<TaskLightCounts> {
  const [row] = await db.$queryRaw<TaskLightCounts[]>(scopeFigureCountsSql(options));
  return row!;
}
