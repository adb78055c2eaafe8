import 'server-only';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { schemeForYear } from '@/lib/server/assessment/assessment-rows';
import { computeAssessmentResults } from '@/lib/server/assessment/compute-assessment-results';
import { rankUnits, type UnitTaskStats } from '@/lib/core/ranking/score-units';
import { scoreFromFigures, scoresFromFigures } from '@/lib/core/assessment/stats-score';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';

/**
 * `stats` (the units' figures on `asOf`, YYYY-MM-DD) ranked by the year's 考核办法. A scheme that needs
 * more than the figures (task points, 催办, bonuses) is scored from each task's facts on that day, as
 * the year-end assessment does but on the current tasks. Shared by the ranking page and the 通报.
 */
export async function rankBySchemeOfYear({ stats, year, asOf }: { stats: readonly UnitTaskStats[]; year: number; asOf: string }) {
  const { scheme } = await schemeForYear(db, year);
  if (scoresFromFigures(scheme)) return { scheme, units: rankUnits(stats, (unit) => scoreFromFigures(unit, scheme)) };
  const results = await computeAssessmentResults(db, { year, asOf, scheme, basis: 'current' });
  const scores = new Map(results.map((result) => [result.unitId, result.score ?? 0]));
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
  return rankBySchemeOfYear({ stats, year, asOf: shanghaiIsoDate(today) });
}
