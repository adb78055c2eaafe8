// Importer second pass (issue 15): several deadlines, relative deadlines, the year's source,
// near-duplicate documents. Wording written for these tests, not taken from the seed documents.
import { describe, expect, test } from 'vitest';
import { deadlineBasis, findDeadline } from '@/lib/core/plan/deadlines';
import { proposalTitle, proposeItem } from '@/lib/core/plan/proposal';
import { extractTargets } from '@/lib/core/plan/targets';
import { parsePlan } from '@/lib/core/plan/parse';
import { yearSourceLabel } from '@/lib/core/plan/year';
import { comparableText, findNearDuplicate, textSimilarity } from '@/lib/core/plan/near-duplicate';

describe('several deadlines in one item', () => {
  test('a numbered list of dates is two dates, the later the deadline, both kept', () => {
    const d = findDeadline('1.2025年5月 2.2025年10月', 2025);
    expect(d?.date).toBe('2025-10-31');
    expect(d?.stated).toEqual([
      { text: '2025年5月', date: '2025-05-31' },
      { text: '2025年10月', date: '2025-10-31' },
    ]);
  });

  test('one date is not listed as several', () => {
    expect(findDeadline('2025年6月底前完成验收', 2025)?.stated).toBeUndefined();
  });

  test('a parsed item keeps both dates of one sentence', () => {
    const r = parsePlan('2025年水利工作要点\n一、新建灌渠12公里，1.2025年4月完成招标 2.2025年11月完成主体工程。\n');
    const task = r.items.find((i) => i.kind === 'task')!;
    expect(task.deadline?.date).toBe('2025-11-30');
    expect(task.deadline?.stated?.map((s) => s.date)).toEqual(['2025-04-30', '2025-11-30']);
  });
});

describe('relative deadlines', () => {
  const resolved = (text: string, year: number) => {
    const d = findDeadline(text, year)!;
    return { text: d.text, date: d.date, basis: deadlineBasis(d, year) };
  };

  test('明年7月份 is resolved from the document year, and says so', () => {
    expect(resolved('完成可研批复，明年7月份前开工建设', 2026)).toEqual({ text: '明年7月份前', date: '2027-07-31', basis: '按文件年份2026推算' });
  });

  test('次年底, 年底前 and 3年内', () => {
    expect(resolved('次年底前全部完成', 2026)).toMatchObject({ date: '2027-12-31', basis: '按文件年份2026推算' });
    expect(resolved('年底前完成改造', 2026)).toMatchObject({ date: '2026-12-31', basis: '按文件年份2026推算' });
    expect(resolved('力争3年内全覆盖', 2026)).toMatchObject({ date: '2028-12-31', basis: '按文件年份2026推算' });
  });

  test('an explicit year or no wording needs no basis', () => {
    expect(resolved('2026年9月底前完成', 2026).basis).toBeUndefined();
    expect(deadlineBasis({ text: null, date: '2026-12-31' }, 2026)).toBeUndefined();
  });

  test('under a 明年 heading the basis names the shifted year, and the proposal carries it', () => {
    const r = parsePlan('某局2026年工作总结\n一、今年工作回顾\n全年完成投资5亿元。\n二、明年工作安排\n（一）6月底前建成污水管网8公里。\n');
    const task = r.items.find((i) => i.kind === 'task')!;
    expect(task.deadline?.date).toBe('2027-06-30');
    const proposal = proposeItem(task, { units: [], leaders: [] }, null, r.year);
    expect(proposal.deadline.basis).toBe('按上级标题推算为2027年（文件年份2026）');
  });
});

describe('the plan year and its source', () => {
  test('from the title', () => {
    const r = parsePlan('某某县2026年重点工作安排\n一、新建公路15公里。\n');
    expect([r.year, yearSourceLabel(r.yearSource)]).toEqual([2026, '文件标题']);
  });

  test('from the text when the title has none', () => {
    const r = parsePlan('重点工作安排\n2027年主要预期目标：地区生产总值增长6%。\n一、新建公路15公里。\n');
    expect(r.year).toBe(2027);
    expect(yearSourceLabel(r.yearSource)).toMatch(/^正文/);
  });

  test('chosen at import', () => {
    const r = parsePlan('某某县2026年重点工作安排\n一、新建公路15公里。\n', { year: 2025 });
    expect([r.year, yearSourceLabel(r.yearSource)]).toEqual([2025, '导入时选择']);
  });

  test('plans imported before the source was kept show none', () => {
    expect(yearSourceLabel(null)).toBeNull();
  });
});

describe('near-duplicate documents', () => {
  const original = [
    '某县2026年农业农村工作要点',
    '一、粮食播种面积稳定在52万亩以上，粮食总产量达到21万吨。',
    '二、新建高标准农田3.5万亩，完成农田水利设施改造120处。',
    '三、培育市级以上龙头企业5家，发展农民专业合作社示范社20家。',
    '四、完成农村户厕改造4000户，建成美丽乡村示范村12个。',
    '五、农村居民人均可支配收入增长7.5%。',
  ].join('\n');

  test('the same text re-spaced and re-punctuated is identical when compared', () => {
    const respaced = original.replace(/\n/g, '\r\n\r\n').replace(/，/g, ', ');
    expect(comparableText(respaced)).toBe(comparableText(original));
    expect(findNearDuplicate(respaced, [{ id: 'p1', title: '农业要点', text: original }])).toMatchObject({ id: 'p1', similarity: 1 });
  });

  test('a copy with one figure changed is recognised', () => {
    const edited = original.replace('4000户', '4500户');
    const near = findNearDuplicate(edited, [{ id: 'p1', title: '农业要点', text: original }]);
    expect(near?.id).toBe('p1');
    expect(near!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(near!.similarity).toBeLessThan(1);
  });

  test('a different plan of the same county is not', () => {
    const other = original.replace('农业农村工作要点', '工业和信息化工作要点').replace(/粮食[^\n]*/, '规上工业增加值增长8%，新增规上企业15家。');
    expect(textSimilarity(comparableText(other), comparableText(original))).toBeLessThan(0.9);
    expect(findNearDuplicate(other, [{ id: 'p1', title: '农业要点', text: original }])).toBeNull();
    expect(findNearDuplicate(original, [])).toBeNull();
  });
});

describe('what the demo showed (issue 16), as general rules', () => {
  test('procedural counts (batches, rounds, meetings) are not targets; what they achieve is', () => {
    const t = (text: string) => extractTargets(text).map((x) => [x.value, x.unit]);
    expect(t('完成省委巡视反馈的6个批次58个问题整改')).toEqual([[58, '个']]);
    expect(t('开展3轮专项督查，整治问题隐患200处')).toEqual([[200, '处']]);
    expect(t('召开2次常委会议专题研究，新建公租房300套')).toEqual([[300, '套']]);
    expect(t('全年开展招商推介活动15次以上')).toEqual([[15, '次']]);
  });

  test('a sentence of XXX blanks is not a task title: its lead-in is, else the clauses before the blanks', () => {
    const title = (text: string) => proposalTitle({ heading: null, numbering: null, text });
    expect(title('全年经济社会发展主要预期目标是：地区生产总值增长XXX%，一般公共预算收入XXX亿元，城镇新增就业XXX人。')).toBe('全年经济社会发展主要预期目标');
    expect(title('稳住农业基本盘，粮食产量XXX万吨，生猪出栏XX万头。')).toBe('稳住农业基本盘');
    expect(title('新建道路XX公里，投资5亿元。')).toBe('新建道路XX公里，投资5亿元');
  });
});
