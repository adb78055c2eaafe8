/**
 * A unit's score under a 考核办法 from its task figures alone (the ranking's one grouped query), for
 * the schemes that need nothing else: rate points and the overdue deduction. Other rules need each
 * task's facts (score.ts). Under the default scheme this is exactly the ranking formula of
 * lib/core/ranking/score-units.ts.
 */
import { onTimeRate, onTrackShare, type UnitTaskStats } from '@/lib/core/ranking/score-units';
import { BONUS_KINDS, DEDUCTION_KINDS, type AssessmentScheme } from '@/lib/core/assessment/scheme';

/** Whether figures are enough: no task points, no deduction but overdue, no bonus. */
export function scoresFromFigures(scheme: AssessmentScheme): boolean {
  return (
    scheme.tasks.taskPoints === 0 &&
    DEDUCTION_KINDS.every((kind) => kind === 'overdue' || scheme.deductions[kind].points === 0) &&
    BONUS_KINDS.every((kind) => scheme.bonuses[kind].points === 0)
  );
}

export function scoreFromFigures(stats: UnitTaskStats, scheme: AssessmentScheme): number {
  const { overdue } = scheme.deductions;
  const raw =
    scheme.rates.onTimeRate * (onTimeRate(stats) ?? 1) + scheme.rates.onTrackShare * onTrackShare(stats) - Math.min(overdue.cap, overdue.points * stats.overdue);
  return Math.max(0, Math.round(raw * 10) / 10);
}
