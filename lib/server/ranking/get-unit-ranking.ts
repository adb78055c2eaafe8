import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { schemeForYear } from '@/lib/server/assessment/assessment-rows';
import { computeAssessmentResults } from '@/lib/server/assessment/compute-assessment-results';
import { liveSchemeScores } from '@/lib/server/ranking/live-scheme-scores';
import { rankUnits, type UnitTaskStats } from '@/lib/core/ranking/score-units';
import { scoreFromFigures, scoresFromFigures } from '@/lib/core/assessment/stats-score';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';

/**
 * `stats` (the units' figures on `asOf`, YYYY-MM-DD) ranked by the year's 考核办法. A scheme that needs
 * more than the figures (task points, 催办, bonuses) is scored by the year-end assessment's rules on
 * the current tasks: `live` (the ranking page and the home widget, as things stand now) from the
 * tasks' stored columns and grouped counts of the ranked units only (live-scheme-scores.ts); else
 * (the 通报 of a past month) from each task's history up to that day. Shared by the ranking page and the 通报.
 */
export async function rankBySchemeOfYear({ stats, year, asOf, live = false }: { stats: readonly UnitTaskStats[]; year: number; asOf: string; live?: boolean }) {
  const { scheme } = await schemeForYear(db, year);
  if (scoresFromFigures(scheme)) return { scheme, units: rankUnits(stats, (unit) => scoreFromFigures(unit, scheme)) };
  const scores = live
    ? await liveSchemeScores(db, { year, asOf, scheme, unitIds: stats.map((unit) => unit.unitId) })
    : new Map((await computeAssessmentResults(db, { year, asOf, scheme, basis: 'current' })).map((result) => [result.unitId, result.score ?? 0]));
  return { scheme, units: rankUnits(stats, (unit) => scores.get(unit.unitId) ?? 0) };
}

/**
 * The units with tasks in `year`, ranked by the year's 考核办法 on today's figures (the default
 * scheme is the long-standing formula of lib/core/ranking/score-units.ts). `scope: 'own'` ranks the
 * units the user oversees (a leader's 分管 units) among themselves; `county` (default) all units,
 * needing `ranking.view`.
 */
export async function getUnitRanking({ user, year, today = new Date(), scope = 'county' }: { user: SessionUser; year: number; today?: Date; scope?: 'own' | 'county' }) {
  const stats = await getUnitTaskStats({ user, scope, year, asOf: today });
  return rankBySchemeOfYear({ stats, year, asOf: shanghaiIsoDate(today), live: true });
}
