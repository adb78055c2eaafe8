/**
 * How far a numeric target was achieved (0–1) under a 考核办法, honouring its comparator:
 *   ≥ / >      met at (beyond) the value; short of it, in proportion actual ÷ value
 *   ≤ / <      met at (under) the limit; over it, in proportion limit ÷ actual
 *   range      met inside [value, valueMax]; below, actual ÷ value; above, valueMax ÷ actual
 *   ≈          met within ± approxTolerance × value; otherwise 1 − |actual − value| ÷ |value|
 *   =          met only exactly; otherwise as ≈
 * A target not met earns partialCredit × that proportion (0 = all or nothing). No reported actual
 * earns 0. "Exceeded" (for the bonus) is beyond the value by exceedMargin (≥, >) or under the limit
 * by it (≤, <); the other comparators cannot be exceeded.
 */
import type { TargetComparator } from '@/lib/core/targets/comparator';
import type { AssessmentScheme } from '@/lib/core/assessment/scheme';

export interface AssessedTarget {
  text: string;
  comparator: TargetComparator | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  /** The actual at the assessment date; null when never reported. */
  actual: number | null;
}

export interface TargetAchievement {
  achievement: number;
  met: boolean;
  exceeded: boolean;
  /** Proportion reached (0–1) when not met. */
  ratio: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const isNumber = (value: number | null): value is number => typeof value === 'number' && Number.isFinite(value);

/** Scored from figures: a comparator and a value. Qualitative targets (定性) are not. */
export function isScorableTarget(target: Pick<AssessedTarget, 'comparator' | 'value'>): boolean {
  return target.comparator !== null && isNumber(target.value);
}

function closeness(actual: number, value: number): number {
  if (value === 0) return actual === 0 ? 1 : 0;
  return clamp01(1 - Math.abs(actual - value) / Math.abs(value));
}

function upTo(actual: number, value: number): number {
  if (value <= 0) return actual >= value ? 1 : 0;
  return clamp01(actual / value);
}

function under(actual: number, limit: number): number {
  if (actual <= limit) return 1;
  return actual > 0 ? clamp01(limit / actual) : 0;
}

function judge(comparator: TargetComparator, value: number, valueMax: number | null, actual: number, rules: AssessmentScheme['achievement']) {
  const margin = rules.exceedMargin;
  switch (comparator) {
    case '>=':
      return { met: actual >= value, ratio: upTo(actual, value), exceeded: actual > value && actual >= value + Math.abs(value) * margin };
    case '>':
      return { met: actual > value, ratio: upTo(actual, value), exceeded: actual > value && actual >= value + Math.abs(value) * margin };
    case '<=':
      return { met: actual <= value, ratio: under(actual, value), exceeded: actual < value && actual <= value - Math.abs(value) * margin };
    case '<':
      return { met: actual < value, ratio: under(actual, value), exceeded: actual < value && actual <= value - Math.abs(value) * margin };
    case 'range': {
      const max = valueMax ?? Number.POSITIVE_INFINITY;
      const ratio = actual < value ? upTo(actual, value) : actual > max ? under(actual, max) : 1;
      return { met: actual >= value && actual <= max, ratio, exceeded: false };
    }
    case '≈':
      return { met: Math.abs(actual - value) <= Math.abs(value) * rules.approxTolerance, ratio: closeness(actual, value), exceeded: false };
    case '=':
      return { met: actual === value, ratio: closeness(actual, value), exceeded: false };
  }
}

/** The achievement of one scorable target (see the module comment); null for a target that is not scorable. */
export function targetAchievement(target: AssessedTarget, rules: AssessmentScheme['achievement']): TargetAchievement | null {
  if (!isScorableTarget(target)) return null;
  if (!isNumber(target.actual)) return { achievement: 0, met: false, exceeded: false, ratio: 0 };
  const { met, ratio, exceeded } = judge(target.comparator!, target.value!, target.valueMax, target.actual, rules);
  return { met, ratio, exceeded, achievement: met ? 1 : rules.partialCredit * ratio };
}
