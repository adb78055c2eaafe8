import { TARGET_COMPARATOR_LABELS, type TargetComparator } from '@/lib/targets/comparator';

export interface GoalTarget {
  comparator: TargetComparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
  placeholder: boolean;
}

/** The planned figure in words: 不低于 200个, 3–5亿元, 待定 (XXX in the source). */
export function targetGoalText(target: GoalTarget): string {
  if (target.placeholder || target.value === null) return '待定';
  if (target.comparator === 'range') return `${target.value}–${target.valueMax ?? ''}${target.unit}`;
  return `${TARGET_COMPARATOR_LABELS[target.comparator]} ${target.value}${target.unit}`;
}
