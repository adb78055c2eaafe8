/** A unit's points summed by rule group, for the assessment page's stacked breakdown chart. */
import { DEDUCTION_KINDS } from '@/lib/core/assessment/scheme';
import type { ScoreLine, ScoreRule } from '@/lib/core/assessment/score';

export const POINTS_GROUPS = [
  { key: 'rates', label: '完成率' },
  { key: 'task', label: '任务得分' },
  { key: 'deductions', label: '扣分' },
  { key: 'bonuses', label: '加分' },
  { key: 'adjustment', label: '督查室调整' },
] as const;

export type PointsGroup = (typeof POINTS_GROUPS)[number]['key'];

function groupOf(rule: ScoreRule): Exclude<PointsGroup, 'adjustment'> {
  if (rule === 'onTimeRate' || rule === 'onTrackShare') return 'rates';
  if (rule === 'task') return 'task';
  if ((DEDUCTION_KINDS as readonly ScoreRule[]).includes(rule)) return 'deductions';
  return 'bonuses'; // the rest are BonusKind
}

/** Signed points per group, two decimals (deductions ≤ 0; the adjustment as the office entered it). */
export function pointsByGroup(lines: readonly Pick<ScoreLine, 'rule' | 'points'>[], adjustment: number | null): Record<PointsGroup, number> {
  const sums: Record<PointsGroup, number> = { rates: 0, task: 0, deductions: 0, bonuses: 0, adjustment: adjustment ?? 0 };
  for (const line of lines) sums[groupOf(line.rule)] += line.points;
  for (const group of POINTS_GROUPS) sums[group.key] = Math.round(sums[group.key] * 100) / 100;
  return sums;
}
