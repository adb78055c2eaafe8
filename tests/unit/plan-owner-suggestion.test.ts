import { describe, expect, test } from 'vitest';
import { dutyKeywords, itemSimilarity, keywordScores, mentionedUnits, suggestOwners, unitNames } from '@/lib/core/plan/owner-suggestion';

// A county whose units are named unlike the demo's.
const units = [
  { id: 'dev', name: '平川县发展改革委员会', shortName: '发改委', kind: 'DEPARTMENT' },
  { id: 'inv', name: '平川县招商服务中心', shortName: '招商中心', kind: 'DEPARTMENT' },
  { id: 'build', name: '平川县住房和城乡建设局', shortName: '住建局', kind: 'DEPARTMENT' },
  { id: 'agri', name: '平川县农业农村局', shortName: '农业农村局', kind: 'DEPARTMENT' },
  { id: 'hr', name: '平川县人力资源和社会保障局', shortName: '人社局', kind: 'DEPARTMENT' },
  { id: 'edu', name: '平川县教育和体育局', shortName: '教体局', kind: 'DEPARTMENT', keywords: ['校舍', '课后服务'] },
  { id: 'town', name: '清水镇', shortName: '清水镇', kind: 'TOWNSHIP' },
];

describe('职责 keywords', () => {
  test('a unit gets the default keywords of its kind by its name, whatever the county calls it', () => {
    expect(dutyKeywords(units[0]!)).toContain('固定资产投资');
    expect(dutyKeywords(units[1]!)).toContain('招商引资');
  });
  test("the office's own keywords replace the defaults", () => {
    expect(dutyKeywords(units[5]!)).toEqual(['校舍', '课后服务']);
  });
  test('a keyword in the title outweighs the same words in passing; one word in passing is not a subject', () => {
    const [top] = keywordScores('做好稳就业工作', '新增城镇就业2000人，完成技能培训800人次，配套建设校舍', units);
    expect(top).toMatchObject({ unitId: 'hr', strong: true });
    expect(keywordScores('抓好各项工作', '注意校舍安全', units)[0]).toMatchObject({ unitId: 'edu', strong: false });
  });
});

describe('units named in the text', () => {
  test('full name, the name without the county, short name and the usual aliases are recognised', () => {
    expect(unitNames(units[1]!)).toEqual(expect.arrayContaining(['平川县招商服务中心', '招商服务中心', '招商中心', '招商局', '投资促进局']));
    const found = mentionedUnits('会同投资促进局、住房和城乡建设局及人社局开展工作', units);
    expect(found.map((m) => m.unitId)).toEqual(['inv', 'build', 'hr']);
  });
  test('a unit name used as a place names no owner', () => {
    expect(mentionedUnits('推进农业农村局家属院、人社局二期小区改造', units)).toEqual([]);
  });
});

describe('suggestOwners', () => {
  test('a named 部门 leads, further named units are co-units, each with its reason', () => {
    const s = suggestOwners({ title: '引进工业项目', text: '招商局牵头引进工业项目10个，住建局做好配套' }, units);
    expect(s).toMatchObject({ leadUnitId: 'inv', source: 'mention', leadReason: '文中提到「招商局」' });
    expect(s.coUnits).toEqual([{ unitId: 'build', reason: '文中提到「住建局」' }]);
  });
  test('keywords decide when no unit is named; a township named is then a co-unit', () => {
    const s = suggestOwners({ title: '建设高标准农田', text: '在清水镇新建高标准农田1万亩，发展现代农业' }, units);
    expect(s).toMatchObject({ leadUnitId: 'agri', source: 'keyword' });
    expect(s.leadReason).toMatch(/^职责关键词：.*高标准农田/);
    expect(s.coUnits.map((c) => c.unitId)).toEqual(['town']);
  });
  test('no good evidence gives no lead unit (待分配)', () => {
    expect(suggestOwners({ title: '抓好工作落实', text: '各单位要提高认识，狠抓落实' }, units)).toMatchObject({ leadUnitId: null, source: null, leadReason: null });
  });
  test('an earlier correction of a similar item wins over keywords; a different item is not affected', () => {
    const corrections = [{ title: '推进农村公路建设', text: '新改建农村公路80公里，完善农村公路养护机制', unitId: 'build' }];
    const similar = suggestOwners({ title: '加快农村公路建设', text: '年内新改建农村公路120公里，健全农村公路养护机制' }, units, corrections);
    expect(similar).toMatchObject({ leadUnitId: 'build', source: 'correction' });
    expect(similar.leadReason).toContain('推进农村公路建设');
    const other = suggestOwners({ title: '稳定粮食生产', text: '粮食播种面积稳定在20万亩以上' }, units, corrections);
    expect(other).toMatchObject({ leadUnitId: 'agri', source: 'keyword' });
  });
  test('similarity is symmetric and 1 for the same item', () => {
    const a = { title: '推进农村公路建设', text: '新改建农村公路80公里' };
    const b = { title: '稳定粮食生产', text: '粮食播种面积稳定' };
    expect(itemSimilarity(a, a)).toBe(1);
    expect(itemSimilarity(a, b)).toBe(itemSimilarity(b, a));
    expect(itemSimilarity(a, b)).toBeLessThan(0.2);
  });
});
