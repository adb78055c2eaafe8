import { expect, test } from 'vitest';
import { describeChange, referencedIds } from '@/lib/core/audit/describe-change';

test('lists only changed fields, old → new, in words', () => {
  expect(describeChange({ status: 'ASSIGNED', version: 1, title: '甲' }, { status: 'ACKNOWLEDGED', version: 2, title: '甲' })).toBe('状态：交办 → 已签收；版本：1 → 2');
  expect(describeChange({ status: 'ISSUED' }, { status: 'SUPERSEDED' })).toBe('状态：已下发待签署 → 已被新版本替代');
  expect(describeChange({ closureRequest: false }, { closureRequest: true })).toBe('申请销号：否 → 是');
});

test('a creation shows the new values, most telling first; long lists are cut with a count', () => {
  expect(describeChange(null, { code: '2024-0001', title: '新增就业', status: 'ASSIGNED', year: 2024, description: '说明', cadence: 'MONTHLY' })).toBe(
    '状态：交办；名称：新增就业；调度频次：月报；编号：2024-0001 等 6 项',
  );
});

test('ids read as the names the data layer found; ids without a name and internal fields are left out', () => {
  const names = new Map([['u1', '县财政局']]);
  expect(describeChange({ leadUnitId: 'u0' }, { leadUnitId: 'u1' }, names)).toBe('牵头单位：u0 → 县财政局');
  expect(describeChange(null, { leadUnitId: 'u9', contentHash: 'ab12', id: 'x' })).toBe('');
  expect(describeChange(null, { coUnitIds: ['u1', 'u1'] }, names)).toBe('配合单位：县财政局、县财政局');
  expect(referencedIds({ leadUnitId: 'u1', coUnitIds: ['u2'], title: 'x' }, { supersededBy: 'v2' })).toEqual(['u1', 'u2', 'v2']);
});

test('days stay days, instants read on the Beijing clock', () => {
  expect(describeChange({ deadline: '2024-06-30T00:00:00.000Z' }, { deadline: '2024-07-31T00:00:00.000Z' })).toBe('完成时限：2024-06-30 → 2024-07-31');
  expect(describeChange(null, { escalatedAt: '2024-12-31T16:30:00.000Z' })).toBe('升级时间：2025-01-01 00:30');
});

test('long values are shortened and non-objects read as empty', () => {
  expect(describeChange(null, { text: '字'.repeat(50) })).toBe(`内容：${'字'.repeat(40)}`);
  expect(describeChange('x', [1, 2])).toBe('');
});
