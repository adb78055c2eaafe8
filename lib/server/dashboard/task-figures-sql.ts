import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { utcTimestampOfShanghaiMidnight } from '@/lib/server/tasks/light-sql';
import { isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';

/*
 * SQL pieces for the dashboards, the ranking and the bulletins, so every figure is counted the same
 * way everywhere. `figureColumnsSql` selects, from a "Task" row `t`, the columns the other pieces
 * read from a row source aliased `s`:
 *   id, code, leadUnitId, status, deadline, light (三色: `taskLightColumnSql`, stored or computed),
 *   closed (closed by the end of the as-of day), closedDay (Shanghai day of closedAt)
 */

/**
 * The rows every figure counts: a cancelled (已撤销) task is kept for the record but is out of every
 * count, light summary, queue and ranking. Each row source of `figureColumnsSql` filters on it.
 */
export const COUNTED_TASK_SQL = Prisma.sql`t."status" <> 'CANCELLED'`;

/**
 * The source columns, on the Shanghai day of `asOf` (see the module comment); `light` is
 * `taskLightColumnSql(asOf)`, `id` the task's id column (a "TaskScopeMember" row `t` names it taskId).
 */
export function figureColumnsSql(asOf: Date, light: Prisma.Sql, id: Prisma.Sql = Prisma.sql`t."id"`): Prisma.Sql {
  const endOfDay = utcTimestampOfShanghaiMidnight(shanghaiDayNumber(asOf) + 1);
  return Prisma.sql`${id} AS "id", t."code", t."leadUnitId", t."status", t."deadline", ${light} AS "light",
    (t."status" = 'CLOSED' AND (t."closedAt" IS NULL OR t."closedAt" < ${endOfDay}::timestamp)) AS "closed",
    (t."closedAt" + interval '8 hours')::date AS "closedDay"`;
}

/** Open on the as-of day and past its deadline day. */
export function overdueSql(asOf: Date): Prisma.Sql {
  return Prisma.sql`(NOT s."closed" AND s."deadline" < ${isoDateFromDayNumber(shanghaiDayNumber(asOf))}::date)`;
}

/** Aggregates over `s`: total, red, yellow, green, done, closed, closedOnTime, overdue (ints). */
export function figureCountsSql(asOf: Date): Prisma.Sql {
  return Prisma.sql`count(*)::int AS "total",
    count(*) FILTER (WHERE s."light" = 'red')::int AS "red",
    count(*) FILTER (WHERE s."light" = 'yellow')::int AS "yellow",
    count(*) FILTER (WHERE s."light" = 'green')::int AS "green",
    count(*) FILTER (WHERE s."light" = 'done')::int AS "done",
    count(*) FILTER (WHERE s."closed")::int AS "closed",
    count(*) FILTER (WHERE s."closed" AND s."closedDay" <= s."deadline")::int AS "closedOnTime",
    count(*) FILTER (WHERE ${overdueSql(asOf)})::int AS "overdue"`;
}

/** The rows of `s` a home page's task list shows for `focus`. */
export function urgentFocusSql(focus: UrgentFocus, today: Date): Prisma.Sql {
  switch (focus) {
    case 'overdue':
      return overdueSql(today);
    case 'red':
      return Prisma.sql`s."light" = 'red'`;
    case 'open':
      // Not closed on the as-of day, as the counts say (cancelled rows never reach `s`).
      return Prisma.sql`NOT s."closed"`;
  }
}

/** Most urgent first: red (the overdue ones lead, as the earliest deadlines), yellow, green, closed; then by deadline. */
export const URGENT_ORDER_SQL = Prisma.sql`CASE s."light" WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END, s."deadline" ASC, s."code" ASC`;

/**
 * URGENT_ORDER_SQL for the rows of `focus`: among red rows alone the light's rank is the same for
 * all, so the order is deadline and code, which an index on (…, light, deadline, code) gives without sorting.
 */
function urgentOrderSql(focus: UrgentFocus): Prisma.Sql {
  return focus === 'red' ? Prisma.sql`s."deadline" ASC, s."code" ASC` : URGENT_ORDER_SQL;
}

/** The lights a counted row can have (cancelled rows are never counted), in URGENT_ORDER_SQL's order. */
const URGENT_LIGHTS = ['red', 'yellow', 'green', 'done'] as const;

/**
 * A page of `matching` (a row source `s` ending in its WHERE clause) in urgentOrderSql's order, as
 * (id, light, deadline, code) rows: the homes' urgent lists (listUrgentTasks, the leader dashboard's page). Outside the red focus the order begins with the light's rank, which no index
 * gives: sorting every open row of a unit's scope took 6 ms at 1M tasks (7,700 rows). From the member
 * rows (`indexed`), each light's rows are taken instead in (deadline, code) order, an index range,
 * up to the page's end, and the four are merged. Rows computed from "Task" are sorted once: four
 * passes would compute every light four times.
 */
export function urgentPageSql({ matching, indexed, focus, limit, offset }: { matching: Prisma.Sql; indexed: boolean; focus: UrgentFocus; limit: number; offset: number }): Prisma.Sql {
  if (focus === 'red' || !indexed) return Prisma.sql`SELECT s."id", s."light", s."deadline", s."code" FROM ${matching} ORDER BY ${urgentOrderSql(focus)} LIMIT ${limit} OFFSET ${offset}`;
  const branches = URGENT_LIGHTS.map(
    (light, rank) =>
      Prisma.sql`(SELECT s."id", s."light", s."deadline", s."code", ${rank}::int AS "rank" FROM ${matching} AND s."light" = ${light}
        ORDER BY s."deadline" ASC, s."code" ASC LIMIT ${limit + offset})`,
  );
  return Prisma.sql`SELECT s."id", s."light", s."deadline", s."code" FROM (${Prisma.join(branches, ' UNION ALL ')}) s
    ORDER BY s."rank", s."deadline" ASC, s."code" ASC LIMIT ${limit} OFFSET ${offset}`;
}
