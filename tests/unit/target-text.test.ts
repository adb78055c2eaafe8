import { describe, expect, it } from 'vitest';
import { targetGoalText, targetText } from '@/lib/core/targets/target-text';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';

describe('targetText', () => {
  it('appends the quantified part to the text', () => {
    expect(targetText('城镇新增就业', { comparator: '>=', value: 1200, valueMax: null, unit: '人' })).toBe('城镇新增就业（不低于1200人）');
    expect(targetText('增速', { comparator: 'range', value: 3, valueMax: 5, unit: '%' })).toBe('增速（区间3–5%）');
    expect(targetText(' 完成 验收 ', { comparator: null, value: null, valueMax: null, unit: null })).toBe('完成 验收');
  });

  it('tells apart two targets read from one phrase, and leaves a 待定 value out', () => {
    const phrase = '完成投资43.8亿元、新增47个';
    expect([
      targetText(phrase, { comparator: '>=', value: 43.8, valueMax: null, unit: '亿元' }),
      targetText(phrase, { comparator: '=', value: 47, valueMax: null, unit: '个' }),
    ]).toEqual(['完成投资43.8亿元、新增47个（不低于43.8亿元）', '完成投资43.8亿元、新增47个（达到47个）']);
    expect(targetText('新建项目XXX个', { comparator: '>=', value: null, valueMax: null, unit: '个', placeholder: true })).toBe('新建项目XXX个');
  });
});

describe('targetGoalText', () => {
  it('says the planned figure in words', () => {
    expect(targetGoalText({ comparator: '>=', value: 200, valueMax: null, unit: '个', placeholder: false })).toBe('不低于200个');
    expect(targetGoalText({ comparator: '<=', value: 5, valueMax: null, unit: '%', placeholder: false })).toBe('不超过5%');
    expect(targetGoalText({ comparator: 'range', value: 3, valueMax: 5, unit: '亿元', placeholder: false })).toBe('区间3–5亿元');
    expect(targetGoalText({ comparator: '>=', value: 1.5e-7, valueMax: null, unit: '', placeholder: false })).toBe('不低于0.00000015');
    expect(targetGoalText({ comparator: '>=', value: null, valueMax: null, unit: '个', placeholder: true })).toBeNull();
  });
});

describe('a stored target read for the core', () => {
  it('from Prisma Decimals and from the plain numbers of a JSON column alike', () => {
    const decimal = (n: number) => ({ toNumber: () => n });
    const fromPrisma = storedTargetFigure({ comparator: 'RANGE', value: decimal(12.25), valueMax: decimal(15), unit: '亿元', placeholder: false });
    const fromJson = storedTargetFigure({ comparator: 'RANGE', value: 12.25, valueMax: 15, unit: '亿元', placeholder: false });
    expect(fromJson).toEqual(fromPrisma);
    expect(fromPrisma).toEqual({ comparator: 'range', value: 12.25, valueMax: 15, unit: '亿元', placeholder: false });
    expect(storedTargetFigure({ comparator: 'GTE', value: null, valueMax: null, unit: '个', placeholder: true })).toMatchObject({ comparator: '>=', value: null, valueMax: null });
  });
});
