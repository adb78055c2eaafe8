import 'server-only';
import { cache } from 'react';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { storedLightsAreFor } from '@/lib/server/tasks/refresh-task-lights';
import { utcTimestampOfShanghaiMidnight } from '@/lib/server/tasks/light-sql';
import { isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';

/*
 * The figures of figureCountsSql (task-figures-sql.ts) per lead unit, read from "TaskFigureSummary"
 * (tasks per lead unit, year, status, stored light and closed-on-time, kept by triggers on "Task" in
 * the transaction of every write) instead of scanning every task: a few hundred rows at 100k tasks.
 *
 * Only for today, and only while the stored lights are today's (storedLightsAreFor): the summary
 * counts the stored light. The one date-driven figure, overdue (open, deadline before today), is
 * every open red task less the open red ones not yet past their deadline (red by lag), which an
 * index on (light, deadline) finds among the few. "Closed" is status CLOSED, which is what the scan
 * counts while no task was closed after today; a task dated later (only ever written by hand or
 * by a test's clock) makes readers scan, found by one probe of the closedAt index. Callers scan
 * (figureCountsSql) for any other day.
 */

/**
 * figureCountsSql's figures but overdue, summed from rows `f` of counts ("tasks") keyed by status,
 * stored light and closedOnTime: the county summary's and the scopes' (scope-figures.ts). "Closed" is
 * status CLOSED, the scan's figure while no task was closed after today (each reader's guard).
 */
export const SUMMED_FIGURES_SQL = Prisma.sql`coalesce(sum(f."tasks"), 0)::int AS "total",
      coalesce(sum(f."tasks") FILTER (WHERE f."light" = 'red'), 0)::int AS "red",
      coalesce(sum(f."tasks") FILTER (WHERE f."light" = 'yellow'), 0)::int AS "yellow",
      coalesce(sum(f."tasks") FILTER (WHERE f."light" = 'green'), 0)::int AS "green",
      coalesce(sum(f."tasks") FILTER (WHERE f."light" = 'done'), 0)::int AS "done",
      coalesce(sum(f."tasks") FILTER (WHERE f."status" = 'CLOSED'), 0)::int AS "closed",
      coalesce(sum(f."tasks") FILTER (WHERE f."status" = 'CLOSED' AND f."closedOnTime"), 0)::int AS "closedOnTime"`;

export type SummaryUnitFigures = TaskLightCounts & { unitId: string };

/**
 * The SQL of summarizedUnitFigures (exported for the benchmark): figures per lead unit on the Shanghai
 * day of `today`; `byYear`, per lead unit and year (with a "year" column).
 */
export function summaryFiguresSql({ today, unitIds, year, byYear = false }: { today: Date; unitIds?: readonly string[]; year?: number; byYear?: boolean }): Prisma.Sql {
  const todayIso = isoDateFromDayNumber(shanghaiDayNumber(today));
  const summaryWhere = [Prisma.sql`f."status" <> 'CANCELLED'`];
  const laggingWhere = [Prisma.sql`t."light" = 'red'`, Prisma.sql`t."deadline" >= ${todayIso}::date`, Prisma.sql`t."status" <> 'CANCELLED'`];
  if (unitIds) {
    summaryWhere.push(Prisma.sql`f."leadUnitId" = ANY(${[...unitIds]})`);
    laggingWhere.push(Prisma.sql`t."leadUnitId" = ANY(${[...unitIds]})`);
  }
  if (year !== undefined) {
    summaryWhere.push(Prisma.sql`f."year" = ${year}`);
    laggingWhere.push(Prisma.sql`t."year" = ${year}`);
  }
  const [yearColumn, laggingYear] = byYear ? [Prisma.sql`, f."year"`, Prisma.sql`, t."year"`] : [Prisma.empty, Prisma.empty];
  return Prisma.sql`
    SELECT f."leadUnitId" AS "unitId"${yearColumn},
      ${SUMMED_FIGURES_SQL},
      (coalesce(sum(f."tasks") FILTER (WHERE f."status" <> 'CLOSED' AND f."light" = 'red'), 0) - coalesce(min(l."lagging"), 0))::int AS "overdue"
    FROM "TaskFigureSummary" f
    LEFT JOIN (
      SELECT t."leadUnitId"${laggingYear}, count(*) AS "lagging" FROM "Task" t
      WHERE ${Prisma.join(laggingWhere, ' AND ')} GROUP BY t."leadUnitId"${laggingYear}
    ) l ON l."leadUnitId" = f."leadUnitId"${byYear ? Prisma.sql` AND l."year" = f."year"` : Prisma.empty}
    WHERE ${Prisma.join(summaryWhere, ' AND ')}
    GROUP BY f."leadUnitId"${yearColumn}
    HAVING sum(f."tasks") > 0`;
}

/** Whether summaryFiguresSql gives these units' figures today: the stored lights are today's and none of their tasks closed after today. */
export async function summaryAnswers(options: { today: Date; unitIds?: readonly string[]; year?: number }): Promise<boolean> {
  const [current, closedLater] = await Promise.all([storedLightsAreFor(options.today), anyTaskClosedAfter(options)]);
  return current && !closedLater;
}

/**
 * Every unit's figures per year, read once per request (React `cache`, keyed by the instant): the
 * office home wants every year's (its counts) and the working year's (its ranking) on one page.
 */
const countyFiguresByYear = cache(async (todayMs: number): Promise<(SummaryUnitFigures & { year: number })[] | null> => {
  const today = new Date(todayMs);
  if (!(await storedLightsAreFor(today))) return null;
  return db.$queryRaw<(SummaryUnitFigures & { year: number })[]>(summaryFiguresSql({ today, byYear: true }));
});

const FIGURE_KEYS = ['total', 'red', 'yellow', 'green', 'done', 'closed', 'closedOnTime', 'overdue'] as const;

/** Figures per lead unit (`unitIds`, or every unit), of `year`'s tasks or all; null when the summary is not today's. */
export async function summarizedUnitFigures(options: { today: Date; unitIds?: readonly string[]; year?: number }): Promise<SummaryUnitFigures[] | null> {
  if (!options.unitIds) {
    // The years with a task closed after today are read once per request, beside the rows: only a year
    // wanted that has one goes to the scan, another year's does not matter.
    const [rows, laterClosedYears] = await Promise.all([countyFiguresByYear(options.today.getTime()), yearsWithTaskClosedAfter(options.today.getTime())]);
    if (!rows || (options.year === undefined ? laterClosedYears.length > 0 : laterClosedYears.includes(options.year))) return null;
    const byUnit = new Map<string, SummaryUnitFigures>();
    for (const { year, ...row } of rows) {
      if (options.year !== undefined && year !== options.year) continue;
      const sum = byUnit.get(row.unitId);
      if (!sum) byUnit.set(row.unitId, row);
      else for (const key of FIGURE_KEYS) sum[key] += row[key];
    }
    return [...byUnit.values()];
  }
  if (!(await summaryAnswers(options))) return null;
  return db.$queryRaw<SummaryUnitFigures[]>(summaryFiguresSql(options));
}

/** Whether one of the summed tasks was closed after the Shanghai day of `today` (then the summary's "closed" is not the scan's). */
async function anyTaskClosedAfter({ today, unitIds, year }: { today: Date; unitIds?: readonly string[]; year?: number }): Promise<boolean> {
  const where = [Prisma.sql`t."closedAt" >= ${utcTimestampOfShanghaiMidnight(shanghaiDayNumber(today) + 1)}::timestamp`];
  if (unitIds) where.push(Prisma.sql`t."leadUnitId" = ANY(${[...unitIds]})`);
  if (year !== undefined) where.push(Prisma.sql`t."year" = ${year}`);
  const rows = await db.$queryRaw<unknown[]>(Prisma.sql`SELECT 1 FROM "Task" t WHERE ${Prisma.join(where, ' AND ')} LIMIT 1`);
  return rows.length > 0;
}

/** The years of the tasks closed after the Shanghai day of `todayMs` (normally none), once per request. */
const yearsWithTaskClosedAfter = cache(async (todayMs: number): Promise<number[]> => {
  const after = utcTimestampOfShanghaiMidnight(shanghaiDayNumber(new Date(todayMs)) + 1);
  const rows = await db.$queryRaw<{ year: number }[]>(Prisma.sql`SELECT DISTINCT t."year" FROM "Task" t WHERE t."closedAt" >= ${after}::timestamp`);
  return rows.map((row) => row.year);
});

/** The figures of all these units' tasks together (see summarizedUnitFigures); null when the summary is not today's. */
export async function summarizedFigures(options: { today: Date; unitIds?: readonly string[]; year?: number }): Promise<TaskLightCounts | null> {
  const rows = await summarizedUnitFigures(options);
  if (!rows) return null;
  const counts: TaskLightCounts = { total: 0, red: 0, yellow: 0, green: 0, done: 0, closed: 0, closedOnTime: 0, overdue: 0 };
  for (const row of rows) for (const key of FIGURE_KEYS) counts[key] += row[key];
  return counts;
}
