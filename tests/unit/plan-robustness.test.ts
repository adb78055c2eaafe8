// Parser rules on wording written for these tests (not taken from the seed documents).
import { describe, expect, test } from 'vitest';
import { extractTargets } from '@/lib/core/plan/targets';
import { findDeadline } from '@/lib/core/plan/deadlines';
import { parsePlan } from '@/lib/core/plan/parse';

const targets = (text: string) => extractTargets(text).map((t) => [t.value, t.unit, t.comparator]);

describe('units', () => {
  test('compound units and the 亿方 shorthand', () => {
    expect(targets('新增调蓄库容0.8亿立方米')).toEqual([[0.8, '亿立方米', '=']]);
    expect(targets('年引水量达到3亿方')).toEqual([[3, '亿方', '=']]);
    expect(targets('年用电量18万千瓦时')).toEqual([[18, '万千瓦时', '=']]);
    expect(targets('完成飞防作业12万亩次')).toEqual([[12, '万亩次', '=']]);
  });
  test('方 alone, or as in 方面/方案, is no unit', () => {
    expect(targets('从3方面发力')).toEqual([]);
    expect(targets('制定2方案')).toEqual([]);
  });
  test('Latin-letter units and dimensionless indexes; 5G and 4A级 stay codes', () => {
    expect(targets('智算中心算力达到2EFLOPS')).toEqual([[2, 'EFLOPS', '=']]);
    expect(targets('新增光伏装机50MW')).toEqual([[50, 'MW', '=']]);
    expect(targets('新建机房PUE控制在1.25以内')).toEqual([[1.25, '', '<=']]);
    expect(targets('建成5G基站40个，创建4A级景区1个')).toEqual([[40, '个', '='], [1, '个', '=']]);
  });
  test('counting words', () => {
    expect(targets('调处纠纷300起，供应地块12宗，举办展会6场次，接待游客90万人次')).toEqual([
      [300, '起', '='],
      [12, '宗', '='],
      [6, '场次', '='],
      [90, '万人次', '='],
    ]);
  });
  test('a comparator after a compound unit', () => {
    expect(targets('统防统治8万亩次以上')).toEqual([[8, '万亩次', '>=']]);
  });
});

describe('deadlines', () => {
  test('relative deadlines are resolved against the document year, the wording kept', () => {
    expect(findDeadline('明年6月份建成投用', 2025)).toEqual({ text: '明年6月份', date: '2026-06-30', inferred: false });
    expect(findDeadline('次年底前全部完成', 2025)).toMatchObject({ date: '2026-12-31', inferred: false });
  });
  test('numbered dates in one cell are not read as a decimal', () => {
    expect(findDeadline('1.2025年5月 2.2025年10月', 2025)?.date).toMatch(/^2025-(05-31|10-31)$/);
  });
});

describe('report framing', () => {
  test('the speaker reporting to the congress is not proposed as a task', () => {
    const result = parsePlan(['东川县人民政府工作报告', '各位代表：', '现在，我代表县人民政府向大会报告工作，请予审议，并请县政协各位委员提出意见。', '一、2026年主要任务', '（一）新增城镇就业1500人。'].join('\n'), { year: 2026 });
    const tasks = result.items.filter((item) => item.kind === 'task').map((item) => item.text);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toContain('新增城镇就业1500人');
  });
});
