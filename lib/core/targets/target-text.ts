// How a target reads everywhere it is shown: the task page, the task list and ledger, commitment letters.
import { canonicalNumber, normalizeText } from '@/lib/core/format/canonical-text';
import { TARGET_COMPARATOR_LABELS, type TargetComparator } from '@/lib/core/targets/comparator';

/** A target's planned figure; no comparator or no value (a qualitative target) means there is none. */
export interface TargetFigure {
  comparator: TargetComparator | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  /** XXX in the source: the value is still to be set. */
  placeholder?: boolean;
}

/** The planned figure in words, e.g. 不低于200个, 区间3–5%; null when there is none yet. */
export function targetGoalText(target: TargetFigure): string | null {
  if (target.placeholder || target.comparator === null || target.value === null) return null;
  const upper = target.valueMax === null ? '' : `–${canonicalNumber(target.valueMax)}`;
  const unit = target.unit === null ? '' : normalizeText(target.unit);
  return `${TARGET_COMPARATOR_LABELS[target.comparator]}${canonicalNumber(target.value)}${upper}${unit}`;
}

/**
 * A target as one line: its phrase and its figure, e.g. 全年建设项目200个以上（不低于200个）. Two
 * targets read from one phrase (完成投资43.8亿元、新增47个) stay distinguishable by their figures.
 */
export function targetText(metric: string, target: TargetFigure): string {
  const goal = targetGoalText(target);
  return goal === null ? normalizeText(metric) : `${normalizeText(metric)}（${goal}）`;
}
