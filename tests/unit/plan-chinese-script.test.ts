// 繁体 documents (issue 15): detection, the aligned conversion, the draft's working text converted,
// and the forms a search query takes. Wording written for these tests.
import { describe, expect, test } from 'vitest';
import { isMostlyTraditional, searchForms, toSimplifiedAligned, traditionalShare } from '@/lib/core/plan/chinese-script';
import { draftIsTraditional, simplifiedDraftItem, simplifiedProposal } from '@/lib/core/plan/simplify-draft';
import type { Proposal } from '@/lib/core/plan/proposal';

describe('detecting a traditional document', () => {
  test('a traditional paragraph is mostly traditional; a simplified one is not', () => {
    const traditional = '全縣新建農村公路120公里，改造危舊橋樑8座，年底前全部完成驗收並交付使用。';
    const simplified = '全县新建农村公路120公里，改造危旧桥梁8座，年底前全部完成验收并交付使用。';
    expect(traditionalShare(traditional).share).toBeGreaterThan(0.2);
    expect(isMostlyTraditional(traditional)).toBe(true);
    expect(traditionalShare(simplified)).toMatchObject({ changed: 0, share: 0 });
    expect(isMostlyTraditional(simplified)).toBe(false);
  });

  test('a simplified text quoting one traditional name, or a few characters, is not flagged', () => {
    expect(isMostlyTraditional('组织企业赴台湾参加“臺灣精品展”招商推介，全年签约项目20个以上，带动投资50亿元，新增就业岗位3000个。')).toBe(false);
    expect(isMostlyTraditional('發展')).toBe(false); // fewer than 3 characters change
    expect(isMostlyTraditional('No Chinese at all 2025')).toBe(false);
  });
});

describe('conversion', () => {
  test('the aligned form keeps length, so spans stay valid', () => {
    const text = '縣衛健局牽頭，６月底前完成鄉鎮衛生院擴建';
    const simplified = toSimplifiedAligned(text);
    expect(simplified).toBe('县卫健局牵头，6月底前完成乡镇卫生院扩建');
    expect(simplified.length).toBe(text.length);
    expect(toSimplifiedAligned(simplified)).toBe(simplified); // idempotent
  });

  const proposal: Proposal = {
    title: '推進縣醫院遷建',
    deadline: { text: '年底前', date: '2025-12-31', inferred: false, stated: [{ text: '6月底前', date: '2025-06-30' }, { text: '年底前', date: '2025-12-31' }] },
    targets: [{ metric: '開工面積90%以上', comparator: '>=', value: 90, valueMax: null, unit: '%', placeholder: false }],
    ownerWords: { leaders: ['張副縣長'], leadUnits: ['縣衛健局'], coUnits: ['縣發改局'] },
    leadUnitId: 'u1',
    leadUnitSource: 'keyword',
    coUnitIds: ['u2'],
    leaderIds: [],
    reasons: { lead: '職責：醫療', coUnits: { u2: '提及：縣發改局' }, leaders: {} },
  };

  test('a proposal keeps its ids, figures and dates; its words become simplified', () => {
    const converted = simplifiedProposal(proposal);
    expect(converted).toEqual({
      ...proposal,
      title: '推进县医院迁建',
      deadline: { ...proposal.deadline, stated: [{ text: '6月底前', date: '2025-06-30' }, { text: '年底前', date: '2025-12-31' }] },
      targets: [{ ...proposal.targets[0], metric: '开工面积90%以上' }],
      ownerWords: { leaders: ['张副县长'], leadUnits: ['县卫健局'], coUnits: ['县发改局'] },
      reasons: { lead: '职责：医疗', coUnits: { u2: '提及：县发改局' }, leaders: {} },
    });
    expect(simplifiedProposal(converted)).toEqual(converted);
  });

  test('a draft item: text, heading and proposal converted; the draft is then no longer traditional', () => {
    const item = { id: 'i1', text: '（一）推進縣醫院遷建，年底前全部竣工。', heading: '推進縣醫院遷建', numbering: '（一）', proposal };
    expect(draftIsTraditional('全縣衛生健康工作要點', [item])).toBe(true);
    const converted = simplifiedDraftItem(item);
    expect(converted).toMatchObject({ id: 'i1', text: '（一）推进县医院迁建，年底前全部竣工。', heading: '推进县医院迁建', numbering: '（一）' });
    expect(converted.text.length).toBe(item.text.length);
    expect(draftIsTraditional('全县卫生健康工作要点', [converted])).toBe(false);
    expect(simplifiedDraftItem({ ...item, proposal: null }).proposal).toBeNull();
  });
});

describe('search forms', () => {
  test('a traditional query also searches its simplified form, and the reverse', () => {
    expect(searchForms('縣醫院遷建')).toEqual(expect.arrayContaining(['縣醫院遷建', '县医院迁建']));
    expect(searchForms('乡镇卫生院扩建')).toEqual(expect.arrayContaining(['乡镇卫生院扩建', '鄉鎮衛生院擴建']));
    // Taiwan and Hong Kong forms differ from OpenCC's standard traditional (裏/裡, 着/著).
    expect(searchForms('村里着力')).toEqual(expect.arrayContaining(['村裏着力', '村裡著力']));
  });

  test('forms are not repeated; codes and Latin text stay one form', () => {
    const forms = searchForms('项目');
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms[0]).toBe('项目');
    expect(searchForms('2025-0012')).toEqual(['2025-0012']);
    expect(searchForms('PUE')).toEqual(['PUE']);
  });
});
