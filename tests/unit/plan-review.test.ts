import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { changedFieldGroups, planItemEditFromForm, proposalFormValues } from '@/lib/core/forms/plan-item-form';
import { documentMarks, splitPoints, type DocumentNode } from '@/lib/core/plan/review-document';
import { itemsWithNextSibling, reviewSummary, type ReviewItem } from '@/lib/core/plan/review-summary';
import { readOfficeText } from '@/lib/core/plan/input';
import { planFileKind, planSourceText } from '@/lib/core/plan/source-file';
import type { Proposal } from '@/lib/core/plan/proposal';
import { buildDocx, wp, wtable } from './plan/helpers';

const proposal: Proposal = {
  title: '聚力项目建设',
  deadline: { date: '2023-12-31', text: '四季度', inferred: true },
  targets: [{ metric: '完成投资40亿元', comparator: '>=', value: 40, valueMax: null, unit: '亿元', placeholder: false }],
  ownerWords: { leaders: [], leadUnits: ['县发改局'], coUnits: [] },
  leadUnitId: 'u-fgj',
  leadUnitSource: 'document',
  coUnitIds: ['u-czj'],
  leaderIds: [],
};

/** The editor form as the browser would submit it, with `changes` applied. */
function editorForm(changes: Record<string, string | string[] | null> = {}) {
  const values: Record<string, string | string[] | null> = {
    title: '聚力项目建设',
    leadUnitId: 'u-fgj',
    deadline: '2023-12-31',
    'coUnitIds.shown': '1',
    coUnitIds: ['u-czj'],
    'leaderIds.shown': '1',
    leaderIds: [],
    'targets.shown': '1',
    'targets.0.metric': '完成投资40亿元',
    'targets.0.comparator': '>=',
    'targets.0.value': '40',
    'targets.0.valueMax': '',
    'targets.0.unit': '亿元',
    ...changes,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form;
}

describe('item editor form', () => {
  test('an untouched form has no changed field groups', () => {
    expect(changedFieldGroups(proposalFormValues(proposal), editorForm())).toEqual([]);
  });

  test('only the groups the reviewer changed are reported, whitespace and co-unit order ignored', () => {
    const initial = proposalFormValues({ ...proposal, coUnitIds: ['u-czj', 'u-tjj'] });
    const form = editorForm({ title: ' 聚力项目建设 ', leadUnitId: 'u-zjj', coUnitIds: ['u-tjj', 'u-czj'], 'targets.0.value': '45' });
    expect(changedFieldGroups(initial, form)).toEqual(['leadUnitId', 'targets']);
  });

  test('clearing a multi-select is a change; a group the form does not render is not', () => {
    expect(changedFieldGroups(proposalFormValues(proposal), editorForm({ coUnitIds: null }))).toEqual(['coUnitIds']);
    expect(changedFieldGroups(proposalFormValues(proposal), editorForm({ 'coUnitIds.shown': null, coUnitIds: null }))).toEqual([]);
  });

  test('the server reads exactly the listed groups', () => {
    const form = editorForm({ leadUnitId: '', deadline: '2023-06-30', coUnitIds: null, 'targets.0.placeholder': 'on' });
    form.set('itemId', 'item-1');
    form.set('fields', 'leadUnitId,deadline,coUnitIds');
    expect(planItemEditFromForm(form)).toEqual({ itemId: 'item-1', leadUnitId: null, deadline: '2023-06-30', coUnitIds: [] });
    form.set('fields', 'targets');
    expect(planItemEditFromForm(form)).toEqual({
      itemId: 'item-1',
      targets: [{ metric: '完成投资40亿元', comparator: '>=', value: '40', valueMax: '', unit: '亿元', placeholder: true }],
    });
  });

  test('target rows keep their order even when numbered with gaps', () => {
    const form = editorForm({ 'targets.2.metric': '新签约项目100个', 'targets.2.comparator': '>=', 'targets.2.value': '100', 'targets.2.unit': '个' });
    form.set('fields', 'targets');
    const input = planItemEditFromForm(form) as { targets: { metric: string }[] };
    expect(input.targets.map((t) => t.metric)).toEqual(['完成投资40亿元', '新签约项目100个']);
  });
});

function flatten(nodes: DocumentNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : `[${n.id}:${flatten(n.children)}]`)).join('');
}

describe('document marks', () => {
  test('spans become marks, nested spans nest, and the text is kept whole', () => {
    const text = '一、总体要求。一是抓项目。二是抓招商。结束语';
    const marks = documentMarks(text, [
      { id: 'a', start: 0, end: 19 },
      { id: 'a1', start: 7, end: 13 },
      { id: 'a2', start: 13, end: 19 },
    ]);
    expect(flatten(marks)).toBe('[a:一、总体要求。[a1:一是抓项目。][a2:二是抓招商。]]结束语');
  });

  test('overlapping spans are clipped and empty spans still get a mark', () => {
    const marks = documentMarks('甲乙丙丁戊', [
      { id: 'x', start: 0, end: 3 },
      { id: 'y', start: 2, end: 5 },
      { id: 'z', start: 5, end: 5 },
      { id: 'out', start: 9, end: 12 },
    ]);
    expect(flatten(marks)).toBe('[x:甲乙[y:丙]]丁戊[z:][out:]');
  });
});

describe('split points', () => {
  test('offsets after each sentence end that leave two non-empty parts', () => {
    const text = '紧盯时序抓进度。严格落实项目管理机制；确保全年完成投资。';
    expect(splitPoints(text)).toEqual([
      { at: 8, label: '「严格落实项目管理机制；确保全年完…」之前' },
      { at: 19, label: '「确保全年完成投资。」之前' },
    ]);
    expect(splitPoints('没有句末标点的一句话')).toEqual([]);
  });
});

describe('review summary', () => {
  const item = (id: string, partial: Partial<ReviewItem>): ReviewItem => ({ id, kind: 'TASK', excluded: false, numbering: null, proposal, ...partial });

  test('counts tasks to publish, excluded items, and task items without a lead unit', () => {
    const summary = reviewSummary([
      item('s', { kind: 'SECTION' }),
      item('t1', {}),
      item('t2', { numbering: '二要', proposal: { ...proposal, title: '聚力招商引资', leadUnitId: null } }),
      item('t3', { excluded: true, proposal: { ...proposal, leadUnitId: null } }),
      item('r', { kind: 'REVIEW', proposal: { ...proposal, leadUnitId: null } }),
    ], '2023-06-01');
    expect(summary).toEqual({ tasks: 2, excluded: 1, missingLeadUnit: [{ id: 't2', label: '二要聚力招商引资' }], pastDeadline: [], canPublish: false });
    expect(reviewSummary([item('t1', {})], '2023-06-01').canPublish).toBe(true);
    expect(reviewSummary([item('s', { kind: 'SECTION' })], '2023-06-01').canPublish).toBe(false);
  });

  test('lists the tasks to publish whose deadline is already past, for the office to confirm', () => {
    const summary = reviewSummary([item('t1', {}), item('t2', { numbering: '二要', proposal: { ...proposal, title: '聚力招商引资', deadline: { date: '2023-03-31', text: '一季度', inferred: false } } }), item('t3', { excluded: true, proposal: { ...proposal, deadline: { date: '2023-01-31', text: null, inferred: true } } })], '2023-06-01');
    expect(summary.pastDeadline).toEqual([{ id: 't2', label: '二要聚力招商引资' }]);
    expect(summary.canPublish).toBe(true);
  });

  test('only items followed by a sibling can merge with the next', () => {
    const withNext = itemsWithNextSibling([
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a2', parentId: 'a' },
      { id: 'b', parentId: null },
    ]);
    expect([...withNext].sort()).toEqual(['a', 'a1']);
  });
});

describe('uploaded plan files', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  test('file kinds by extension', () => {
    expect(['计划.TXT', 'a.docx', 'b.xlsx', 'c.doc', 'd.pdf', 'txt'].map(planFileKind)).toEqual(['txt', 'docx', 'xlsx', null, null, null]);
  });

  test('UTF-8 text is read without its BOM; invalid UTF-8 and binary content are refused', async () => {
    const text = (bytes: Uint8Array) => planSourceText({ name: '计划.txt', bytes }, readOfficeText);
    expect(await text(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('一、总体要求')]))).toEqual({ ok: true, text: '一、总体要求' });
    expect((await text(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2]))).ok).toBe(false); // GBK 一、
    expect((await text(encode('abc\u0000def'))).ok).toBe(false);
  });

  test('refusals come back in Chinese', async () => {
    expect(await planSourceText({ name: '计划.pdf', bytes: encode('x') }, readOfficeText)).toEqual({ ok: false, message: '只支持 .txt、.docx、.xlsx 文件' });
    expect(await planSourceText({ name: '计划.txt', bytes: new Uint8Array() }, readOfficeText)).toEqual({ ok: false, message: '文件为空' });
    expect(await planSourceText({ name: '计划.txt', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41) }, readOfficeText)).toEqual({ ok: false, message: '文件过大（上限 5 MB）' });
    const gbk = await planSourceText({ name: '计划.txt', bytes: new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2]) }, readOfficeText);
    expect(gbk.ok === false && gbk.message).toContain('不是 UTF-8 编码');
    expect(await planSourceText({ name: '计划.docx', bytes: encode('一、总体要求') }, readOfficeText)).toEqual({ ok: false, message: '文件不是有效的 .docx 文档' });
    expect(await planSourceText({ name: '计划.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }, readOfficeText)).toEqual({ ok: false, message: '无法读取该 .xlsx 文件，请确认文件未损坏' });
  });

  test('.docx paragraphs and tables become lines', async () => {
    const bytes = await buildDocx(wp('2024年重点工作任务分解表') + wtable([['序号', '重点任务', '牵头单位'], ['1', '完成投资40亿元', '县发改局']]));
    expect(await planSourceText({ name: '分解表.docx', bytes }, readOfficeText)).toEqual({ ok: true, text: '2024年重点工作任务分解表\n序号\n重点任务\n牵头单位\n1\n完成投资40亿元\n县发改局' });
  });

  test('.xlsx rows become tab-separated lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务');
    sheet.addRow(['序号', '重点任务', '牵头单位', '完成时限']);
    sheet.addRow([1, '完成投资40亿元', '县发改局', '12月底前']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await planSourceText({ name: '分解表.xlsx', bytes }, readOfficeText)).toEqual({ ok: true, text: '序号\t重点任务\t牵头单位\t完成时限\n1\t完成投资40亿元\t县发改局\t12月底前' });
  });
});
