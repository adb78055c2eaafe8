import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, UserFacingError } from '@/lib/server/errors';
import { getCountyName } from '@/lib/server/settings/installation-settings';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { rankBySchemeOfYear } from '@/lib/server/ranking/get-unit-ranking';
import { utcTimestampOfShanghaiMidnight } from '@/lib/server/tasks/light-sql';
import { COUNTED_TASK_SQL } from '@/lib/server/dashboard/task-figures-sql';
import { bulletinPeriodSchema } from '@/lib/core/schemas/bulletin';
import { formErrors } from '@/lib/core/schemas/common';
import { describeScheme } from '@/lib/core/assessment/scheme';
import { periodDays, periodLabel } from '@/lib/core/schedule/cadence';
import { dbDateOfDay, isoDateFromDayNumber, shanghaiDayNumber, type DayNumber } from '@/lib/core/schedule/calendar-day';

/** The overdue list shows the longest-overdue tasks first, at most this many (the count is exact). */
export const BULLETIN_OVERDUE_LIMIT = 500;

/** What a 通报 says; stored as issued in Bulletin.content, so its shape only ever grows. */
export type BulletinContent = {
  period: string; // YYYY-MM
  periodLabel: string; // 2024年3月
  title: string;
  /** The day the figures are taken on: the period's last day, or today for the current month. */
  asOf: string;
  year: number;
  totals: { total: number; closed: number; completionRate: number | null; overdue: number };
  overdue: { count: number; rows: { code: string; title: string; unit: string; deadline: string; daysOverdue: number }[] };
  /** The year's 考核办法 and its rules in words; absent in bulletins issued under the fixed formula. */
  scheme?: { name: string; description: string };
  ranking: { rank: number; unit: string; total: number; closed: number; closedOnTime: number; overdue: number; onTimeRate: number | null; onTrackShare: number; score: number }[];
};

function parsePeriod(input: unknown) {
  const parsed = bulletinPeriodSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, message } = formErrors(parsed.error);
    throw new UserFacingError(message, 'INVALID', { period: fieldErrors._ ?? [message] });
  }
  return parsed.data;
}

/**
 * The monthly 通报 for `period` (YYYY-MM), office only: completion (closed ÷ total) of that year's
 * tasks, the tasks overdue on the as-of day with days overdue, and the unit ranking by the year's 考核办法 (scored as the ranking page does) — all as of the period's last
 * day (or today while the month is running). See getUnitTaskStats for what "as of" a past day can
 * and cannot reconstruct.
 */
export async function buildBulletin({ user, period, today = new Date() }: { user: SessionUser; period: unknown; today?: Date }): Promise<BulletinContent> {
  if (!can(user, 'bulletin.issue')) throw forbidden('生成通报');
  const key = parsePeriod(period);
  const days = periodDays(key)!;
  const todayDay = shanghaiDayNumber(today);
  if (days.firstDay > todayDay) throw new UserFacingError('不能生成未来月份的通报', 'INVALID', { period: ['不能生成未来月份的通报'] });
  const asOfDay: DayNumber = Math.min(days.lastDay, todayDay);
  const asOf = dbDateOfDay(asOfDay);
  const asOfIso = isoDateFromDayNumber(asOfDay);
  const year = Number(key.slice(0, 4));
  const endOfDay = utcTimestampOfShanghaiMidnight(asOfDay + 1);

  const openOverdue = Prisma.sql`${COUNTED_TASK_SQL} AND t."year" = ${year} AND t."createdAt" < ${endOfDay}::timestamp AND t."deadline" < ${asOfIso}::date
    AND NOT (t."status" = 'CLOSED' AND (t."closedAt" IS NULL OR t."closedAt" < ${endOfDay}::timestamp))`;
  const [stats, overdueRows] = await Promise.all([
    getUnitTaskStats({ user, scope: 'county', year, asOf, existingAsOf: true }),
    db.$queryRaw<{ code: string; title: string; unit: string; deadline: Date }[]>(Prisma.sql`
      SELECT t."code", t."title", u."shortName" AS "unit", t."deadline" FROM "Task" t JOIN "Unit" u ON u."id" = t."leadUnitId"
      WHERE ${openOverdue} ORDER BY t."deadline" ASC, u."sortOrder" ASC, t."code" ASC LIMIT ${BULLETIN_OVERDUE_LIMIT}`),
  ]);
  const { scheme, units: ranked } = await rankBySchemeOfYear({ stats, year, asOf: asOfIso });
  const total = stats.reduce((sum, unit) => sum + unit.total, 0);
  const closed = stats.reduce((sum, unit) => sum + unit.closed, 0);
  const overdueCount = stats.reduce((sum, unit) => sum + unit.overdue, 0);
  const label = periodLabel(key);
  return {
    period: key,
    periodLabel: label,
    title: `${await getCountyName()}重点工作督查通报（${label}）`,
    asOf: asOfIso,
    year,
    totals: { total, closed, completionRate: total === 0 ? null : Math.round((closed / total) * 10_000) / 10_000, overdue: overdueCount },
    overdue: {
      count: overdueCount,
      rows: overdueRows.map((row) => ({
        code: row.code,
        title: row.title,
        unit: row.unit,
        deadline: isoDateFromDayNumber(shanghaiDayNumber(row.deadline)),
        daysOverdue: asOfDay - shanghaiDayNumber(row.deadline),
      })),
    },
    scheme: { name: scheme.name, description: describeScheme(scheme) },
    ranking: ranked.map((unit) => ({
      rank: unit.rank,
      unit: unit.unitName,
      total: unit.total,
      closed: unit.closed,
      closedOnTime: unit.closedOnTime,
      overdue: unit.overdue,
      onTimeRate: unit.onTimeRate,
      onTrackShare: unit.onTrackShare,
      score: unit.score,
    })),
  };
}
