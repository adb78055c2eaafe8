import { describe, expect, test } from 'vitest';
import { decomposeItem, decomposeProposal, sentencesOf } from '@/lib/core/plan/decompose';
import { proposeItem } from '@/lib/core/plan/proposal';
import type { PlanItem } from '@/lib/core/plan/schema';

const units = [
  { id: 'dev', name: '河谷县发展和改革局', shortName: '发改局', kind: 'DEPARTMENT' },
  { id: 'inv', name: '河谷县招商服务中心', shortName: '招商中心', kind: 'DEPARTMENT' },
  { id: 'agri', name: '河谷县农业农村局', shortName: '农业农村局', kind: 'DEPARTMENT' },
];
const MIXED = '稳投资、强招商。开工重点项目80个，完成固定资产投资45亿元。完善招商引资考核办法，全年招商引资到位资金60亿元，9月底前新签约项目20个。';
const SINGLE = '稳定粮食生产。粮食播种面积稳定在18万亩以上。新建高标准农田1.2万亩，10月底前完成验收。';

function item(text: string): PlanItem {
  return { id: '1', parentId: null, level: 1, kind: 'task', numbering: null, heading: null, text, span: [0, text.length], deadline: { date: '2025-12-31', text: null, inferred: true }, targets: [], owners: { leaders: [], leadUnits: [], coUnits: [] } };
}

describe('分解 (decomposition by subject)', () => {
  test('sentences keep their closing mark', () => {
    expect(sentencesOf('甲。乙；丙').map(([a, b]) => '甲。乙；丙'.slice(a, b))).toEqual(['甲。', '乙；', '丙']);
  });
  test('a paragraph with two subjects gives one part per subject, context going with the target after it', () => {
    const parts = decomposeItem(MIXED, 2025, units)!;
    expect(parts.map((p) => [p.suggestion.leadUnitId, p.text])).toEqual([
      ['dev', '稳投资、强招商。开工重点项目80个，完成固定资产投资45亿元。'],
      ['inv', '完善招商引资考核办法，全年招商引资到位资金60亿元，9月底前新签约项目20个。'],
    ]);
    expect(MIXED.slice(parts[1]!.start, parts[1]!.end)).toBe(parts[1]!.text);
  });
  test('a paragraph with one subject stays one task, however many targets it has', () => {
    expect(decomposeItem(SINGLE, 2025, units)).toBeNull();
  });
  test('each part gets its own targets, deadline (not another part’s) and owners; named owners keep the paragraph whole', () => {
    const whole = { ...proposeItem(item(MIXED), { units, leaders: [] }, null, 2025), deadline: { date: '2025-09-30', text: '9月底前', inferred: false } };
    const d = decomposeProposal(item(MIXED), whole, { units, leaders: [] }, 2025)!;
    expect(d.parent.decomposed).toBe(true);
    expect(d.parts.map((p) => [p.proposal.leadUnitId, p.proposal.deadline.date, p.proposal.deadline.inferred, p.proposal.targets.map((t) => t.value)])).toEqual([
      ['dev', '2025-12-31', true, [80, 45]],
      ['inv', '2025-09-30', false, [60, 20]],
    ]);
    const named = { ...whole, leadUnitId: 'dev', leadUnitSource: 'document' as const };
    expect(decomposeProposal(item(MIXED), named, { units, leaders: [] }, 2025)).toBeNull();
    expect(decomposeProposal(item(MIXED), named, { units, leaders: [] }, 2025, true)?.parts).toHaveLength(2);
  });
});
