import { expect, test } from 'vitest';
import { describeChange } from '@/lib/core/audit/describe-change';

test('lists only changed fields, old → new', () => {
  expect(describeChange({ status: 'ASSIGNED', version: 1, title: '甲' }, { status: 'ACKNOWLEDGED', version: 2, title: '甲' })).toBe(
    'status: ASSIGNED → ACKNOWLEDGED；version: 1 → 2',
  );
});

test('a creation shows the new values; long lists are cut with a count', () => {
  expect(describeChange(null, { a: 1, b: '二', c: null, d: [1], e: true })).toBe('a: 1；b: 二；c: —；d: [1] 等 5 项');
});

test('long values are shortened and non-objects read as empty', () => {
  expect(describeChange(null, { text: '字'.repeat(50) })).toBe(`text: ${'字'.repeat(40)}`);
  expect(describeChange('x', [1, 2])).toBe('');
});
