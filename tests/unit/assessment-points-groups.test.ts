import { describe, expect, test } from 'vitest';
import { pointsByGroup } from '@/lib/core/assessment/points-groups';

describe('pointsByGroup', () => {
  test('sums the lines by rule group, deductions negative, with the adjustment apart', () => {
    const lines = [
      { rule: 'onTimeRate', points: 40 },
      { rule: 'onTrackShare', points: 26.67 },
      { rule: 'task', points: 12.5 },
      { rule: 'task', points: 7.25 },
      { rule: 'overdue', points: -4 },
      { rule: 'urge', points: -0.5 },
      { rule: 'closedEarly', points: 0.5 },
      { rule: 'exceededTarget', points: 1 },
    ] as const;
    expect(pointsByGroup(lines, -2)).toEqual({ rates: 66.67, task: 19.75, deductions: -4.5, bonuses: 1.5, adjustment: -2 });
  });

  test('no lines and no adjustment is all zero', () => {
    expect(pointsByGroup([], null)).toEqual({ rates: 0, task: 0, deductions: 0, bonuses: 0, adjustment: 0 });
  });
});
