import { describe, expect, test } from 'vitest';
import { proposalTitle, proposeItem } from '@/lib/core/plan/proposal';
import { mergeDraftItems, splitDraftItem } from '@/lib/core/plan/split-merge';
import type { PlanItem } from '@/lib/core/plan/schema';

const units = [
  { id: 'u-fgj', name: '县发展和改革局', shortName: '发改局', keywords: ['重点项目', '营商环境'] },
  { id: 'u-czj', name: '县财政局', shortName: '财政局', keywords: ['财政', '税收'] },
  { id: 'u-wlj', name: '县文化和旅游局', shortName: '文旅局', keywords: ['旅游', '游客'] },
  { id: 'u-nyncj', name: '县农业农村局', shortName: '农业农村局', keywords: ['茶叶', '种植', '高标准农田', '农产品'], aliases: ['农业局'] },
];
const leaders = [{ id: 'l-zhang', name: '张建华', title: '常务副县长' }];

function item(partial: Partial<PlanItem>): PlanItem {
  return {
    id: 'i1',
    parentId: null,
    level: 1,
    kind: 'task',
    numbering: null,
    heading: null,
    text: '',
    span: [0, 0],
    deadline: { text: '6月底前', date: '2024-06-30', inferred: false },
    targets: [],
    owners: { leaders: [], leadUnits: [], coUnits: [] },
    ...partial,
  };
}

describe('proposalTitle', () => {
  test('uses the heading without its numbering', () => {
    expect(proposalTitle({ heading: '（一）狠抓项目建设', text: '（一）狠抓项目建设。全年建设项目200个以上', numbering: '（一）' })).toBe('狠抓项目建设');
  });
  test('falls back to the first sentence and shortens long ones', () => {
    expect(proposalTitle({ heading: null, text: '新签约招商项目125个，到位资金54亿元。下一步……', numbering: null })).toBe('新签约招商项目125个，到位资金54亿元');
    const long = '加'.repeat(120);
    expect(proposalTitle({ heading: null, text: long, numbering: null })).toHaveLength(80);
  });
});

describe('proposeItem', () => {
  test('matches named units and leaders to the directory', () => {
    const proposal = proposeItem(
      item({ text: '完成项目投资40亿元', owners: { leaders: ['张建华'], leadUnits: ['县发改局'], coUnits: ['县财政局'] } }),
      { units, leaders },
      null,
      2024,
    );
    expect(proposal).toMatchObject({ leadUnitId: 'u-fgj', leadUnitSource: 'document', coUnitIds: ['u-czj'], leaderIds: ['l-zhang'] });
  });

  test('inherits owners from the parent section, but not a parent suggestion', () => {
    const inherited = { leadUnitId: 'u-czj', leadUnitSource: 'document' as const, coUnitIds: [], leaderIds: [] };
    expect(proposeItem(item({ text: '抓好某项工作' }), { units, leaders }, inherited, 2024)).toMatchObject({ leadUnitId: 'u-czj', leadUnitSource: 'inherited' });
    const suggested = { ...inherited, leadUnitSource: 'keyword' as const };
    expect(proposeItem(item({ text: '抓好某项工作' }), { units, leaders }, suggested, 2024)).toMatchObject({ leadUnitId: null, leadUnitSource: null });
  });

  test('a unit named by one of its aliases is matched', () => {
    const proposal = proposeItem(item({ text: '发展高山茶园', owners: { leaders: [], leadUnits: ['农业局'], coUnits: [] } }), { units, leaders }, null, 2024);
    expect(proposal).toMatchObject({ leadUnitId: 'u-nyncj', leadUnitSource: 'document' });
  });

  test('suggests a lead unit from the subject when the document names none', () => {
    const proposal = proposeItem(item({ text: '打造全域旅游示范区，全年接待游客500万人次' }), { units, leaders }, null, 2024);
    expect(proposal).toMatchObject({ leadUnitId: 'u-wlj', leadUnitSource: 'keyword', reasons: { lead: '职责关键词：旅游、游客' } });
  });

  test('proposes the leaders who oversee (分管) the suggested lead unit, with the reason', () => {
    const proposal = proposeItem(item({ text: '打造全域旅游示范区，全年接待游客500万人次' }), { units, leaders, leaderUnits: [{ leaderId: 'l-zhang', unitId: 'u-wlj' }] }, null, 2024);
    expect(proposal).toMatchObject({ leaderIds: ['l-zhang'], reasons: { leaders: { 'l-zhang': '分管牵头单位文旅局' } } });
  });

  test('no good match leaves the lead unit empty (待分配) rather than a default', () => {
    expect(proposeItem(item({ text: '抓好各项工作落实' }), { units, leaders }, null, 2024)).toMatchObject({ leadUnitId: null, leadUnitSource: null, coUnitIds: [], leaderIds: [] });
  });

  test('a task without a deadline gets the plan year end, marked inferred', () => {
    const proposal = proposeItem(item({ deadline: null }), { units, leaders }, null, 2025);
    expect(proposal.deadline).toEqual({ date: '2025-12-31', text: null, inferred: true });
  });
});

describe('split and merge', () => {
  const base = {
    text: '全年建设项目200个以上。6月底前开工90%以上。',
    spanStart: 100,
    spanEnd: 124,
    numbering: '1.',
    heading: null,
    proposal: {
      title: '全年建设项目200个以上',
      deadline: { date: '2024-12-31', text: '全年', inferred: false },
      targets: [],
      ownerWords: { leaders: [], leadUnits: [], coUnits: [] },
      leadUnitId: 'u-fgj',
      leadUnitSource: 'document' as const,
      coUnitIds: ['u-czj'],
      leaderIds: [],
    },
  };

  test('split gives each half its own text, span, title and deadline', () => {
    const halves = splitDraftItem(base, 13, 2024)!;
    expect(halves[0].text).toBe('全年建设项目200个以上。');
    expect(halves[1].text).toBe('6月底前开工90%以上。');
    expect([halves[0].spanStart, halves[0].spanEnd, halves[1].spanStart, halves[1].spanEnd]).toEqual([100, 113, 113, 124]);
    expect(halves[1].proposal.deadline.date).toBe('2024-06-30');
    expect(halves[1].proposal.title).toBe('6月底前开工90%以上');
    expect(halves[1].proposal.leadUnitId).toBe('u-fgj');
    expect(splitDraftItem(base, 0, 2024)).toBeNull();
    expect(splitDraftItem(base, base.text.length, 2024)).toBeNull();
  });

  test('merge joins texts and owners; the second lead unit becomes a co-unit', () => {
    const [a, b] = splitDraftItem(base, 13, 2024)!;
    const merged = mergeDraftItems(a, { ...b, proposal: { ...b.proposal, leadUnitId: 'u-wlj', coUnitIds: [] } });
    expect(merged.text).toBe(base.text);
    expect([merged.spanStart, merged.spanEnd]).toEqual([100, 124]);
    expect(merged.proposal.leadUnitId).toBe('u-fgj');
    expect(merged.proposal.coUnitIds).toEqual(['u-czj', 'u-wlj']);
  });
});
