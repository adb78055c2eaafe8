import { describe, expect, it } from 'vitest';
import { TARGET_COMPARATORS, TARGET_COMPARATOR_LABELS, comparatorOptionLabel, isTargetComparator, isUpperLimit } from '@/lib/core/targets/comparator';

describe('target comparators', () => {
  it('labels every comparator', () => {
    expect(Object.keys(TARGET_COMPARATOR_LABELS).sort()).toEqual([...TARGET_COMPARATORS].sort());
    expect(TARGET_COMPARATOR_LABELS['<=']).toBe('不超过');
  });

  it('offers every comparator in forms with its symbol and words', () => {
    expect(TARGET_COMPARATORS.map(comparatorOptionLabel)).toEqual(['≥ 不低于', '> 高于', '= 达到', '≈ 左右', '≤ 不超过', '< 低于', '区间']);
  });

  it('recognises comparators', () => {
    expect(isTargetComparator('range')).toBe(true);
    expect(isTargetComparator('≥')).toBe(false);
    expect(isTargetComparator(null)).toBe(false);
  });

  it('treats only < and <= as upper limits', () => {
    expect(TARGET_COMPARATORS.filter(isUpperLimit)).toEqual(['<=', '<']);
  });
});
