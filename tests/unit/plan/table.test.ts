import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { docxToText, rawTextToLines } from '@/lib/core/plan/docx';
import { parsePlan } from '@/lib/core/plan/parse';
import { headerRole, rowsToText } from '@/lib/core/plan/table';
import { xlsxToRows } from '@/lib/core/plan/xlsx';
import { buildDocx, expectWellFormed, targetTuples, wp, wtable } from './helpers';

const summary = (text: string, year = 2024) => {
  const r = parsePlan(text, { year });
  expectWellFormed(r);
  return r;
};

describe('header recognition', () => {
  test.each([
    ['序号', 'seq'],
    ['重点任务', 'task'],
    ['工作任务', 'task'],
    ['具体任务', 'task'],
    ['任务', 'task'],
    ['牵头领导', 'leader'],
    ['牵头单位', 'lead'],
    ['责任单位', 'resp'],
    ['配合单位', 'co'],
    ['完成时限', 'deadline'],
    ['时限', 'deadline'],
    ['完成时间', 'deadline'],
    ['工作目标', 'detail'],
  ])('%s → %s', (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  test('ordinary text is not a header', () => {
    expect(headerRole('建设高标准农田2.5万亩')).toBeNull();
    expect(headerRole('县发改局')).toBeNull();
  });
});

describe('pipe tables', () => {
  const text = [
    '2024年重点工作任务分解表',
    '| 序号 | 重点任务 | 牵头领导 | 牵头单位 | 配合单位 | 完成时限 |',
    '|---|---|---|---|---|---|',
    '| 1 | 建设高标准农田2.5万亩 | 张建华 | 县农业农村局 | 各镇（街道） | 2024年10月底前 |',
    '| 2 | 新增规上工业企业5户以上 | 李明 | 县工信局 | 县统计局、县市场监管局 | 12月底前 |',
    '|  | 培育专精特新企业2—3家 |  |  | 县科技局 |  |',
    '| 3 | 固定资产投资增长8%左右 | 王强 | 县发改局 |  | 一季度 |',
  ].join('\n');

  test('rows become tasks with owners, deadlines and targets from their columns', () => {
    const r = summary(text);
    expect(r.title).toBe('2024年重点工作任务分解表');
    expect(r.items.map((i) => [i.kind, i.numbering, i.text])).toEqual([
      ['task', '1', '建设高标准农田2.5万亩'],
      ['task', '2', '新增规上工业企业5户以上\n培育专精特新企业2—3家'],
      ['task', '3', '固定资产投资增长8%左右'],
    ]);
    const [a, b, c] = r.items;
    expect(a!.owners).toEqual({ leaders: ['张建华'], leadUnits: ['县农业农村局'], coUnits: ['各镇（街道）'] });
    expect(a!.deadline).toEqual({ text: '2024年10月底前', date: '2024-10-31', inferred: false });
    expect(targetTuples(a!)).toEqual([['=', 2.5, null, '万亩']]);
    // The continuation row (empty 序号) is attached to row 2.
    expect(b!.owners).toEqual({ leaders: ['李明'], leadUnits: ['县工信局'], coUnits: ['县统计局', '县市场监管局', '县科技局'] });
    expect(targetTuples(b!)).toEqual([
      ['>=', 5, null, '户'],
      ['range', 2, 3, '家'],
    ]);
    expect(b!.deadline?.date).toBe('2024-12-31');
    expect(c!.deadline).toEqual({ text: '一季度', date: '2024-03-31', inferred: false });
    expect(targetTuples(c!)).toEqual([['≈', 8, null, '%']]);
  });

  test('the span covers the row(s)', () => {
    const r = summary(text);
    const b = r.items[1]!;
    const slice = r.cleaned.slice(b.span[0], b.span[1]);
    expect(slice).toContain('| 2 |');
    expect(slice).toContain('县科技局');
  });
});

describe('tab-separated tables', () => {
  test('group rows become sections; 责任单位 leads when there is no 牵头单位 column', () => {
    const text = [
      '2024年重点任务清单',
      '序号\t工作任务\t责任单位\t完成时间',
      '一、经济发展',
      '1\t新建5G基站100个\t县工信局\t2024.6',
      '2\t招商引资到位资金不低于50亿元\t县招商局、县发改局\t年底前',
      '\t（其中外资不少于1000万美元）\t\t',
      '二、民生保障',
      '3\t新增城镇就业1500人\t县人社局\t全年',
    ].join('\n');
    const r = summary(text);
    expect(r.items.map((i) => [i.id, i.kind, i.numbering, i.heading ?? i.text])).toEqual([
      ['1', 'section', '一、', '经济发展'],
      ['1.1', 'task', '1', '新建5G基站100个'],
      ['1.2', 'task', '2', '招商引资到位资金不低于50亿元\n（其中外资不少于1000万美元）'],
      ['2', 'section', '二、', '民生保障'],
      ['2.1', 'task', '3', '新增城镇就业1500人'],
    ]);
    expect(r.items[1]!.deadline).toEqual({ text: '2024.6', date: '2024-06-30', inferred: false });
    expect(r.items[2]!.owners).toEqual({ leaders: [], leadUnits: ['县招商局', '县发改局'], coUnits: [] });
    expect(targetTuples(r.items[2]!)).toEqual([
      ['>=', 50, null, '亿元'],
      ['>=', 1000, null, '万美元'],
    ]);
    expect(targetTuples(r.items[1]!)).toEqual([['=', 100, null, '个']]);
  });
});

describe('one cell per line', () => {
  test('header cells each on their own line, then the rows', () => {
    const text = ['2024年工作任务', '序号', '重点任务', '牵头单位', '完成时限', '1', '改造老旧小区12个', '县住建局', '9月底前', '2', '新建村级卫生室3所', '县卫健局', '6月底前', '二、保障措施', '（一）加强组织领导。'].join('\n');
    const r = summary(text);
    expect(r.items.map((i) => [i.kind, i.numbering, i.text, i.deadline?.date ?? null, i.owners.leadUnits])).toEqual([
      ['task', '1', '改造老旧小区12个', '2024-09-30', ['县住建局']],
      ['task', '2', '新建村级卫生室3所', '2024-06-30', ['县卫健局']],
      ['section', '二、', '保障措施', null, []],
      ['task', '（一）', '加强组织领导。', '2024-12-31', []],
    ]);
  });
});

describe('.docx', () => {
  test('mammoth raw text: paragraphs one per line, Word tables one cell per line with empty cells kept', async () => {
    expect(rawTextToLines('a\n\nb\n\n\n\nc\n\n')).toBe('a\nb\n\nc');
    const docx = await buildDocx(
      wp('2024年重点工作任务') +
        wp('一、项目建设') +
        wtable([
          ['序号', '重点任务', '牵头单位', '完成时限'],
          ['1', '建设高标准农田2万亩', '县农业农村局', '6月底前'],
          ['', '', '县水利局', ''],
          ['2', '新增规上企业3户', '县工信局', '年底前'],
        ]) +
        wp('二、保障措施') +
        wp('（一）加强领导。'),
    );
    const text = await docxToText(docx);
    expect(text.split('\n').slice(0, 4)).toEqual(['2024年重点工作任务', '一、项目建设', '序号', '重点任务']);
    const r = summary(text);
    expect(r.items.map((i) => [i.id, i.kind, i.numbering, i.heading ?? i.text])).toEqual([
      ['1', 'section', '一、', '项目建设'],
      ['1.1', 'task', '1', '建设高标准农田2万亩'],
      ['1.2', 'task', '2', '新增规上企业3户'],
      ['2', 'section', '二、', '保障措施'],
      ['2.1', 'task', '（一）', '加强领导。'],
    ]);
    expect(r.items[1]!.owners.leadUnits).toEqual(['县农业农村局', '县水利局']);
    expect(r.items[1]!.deadline?.date).toBe('2024-06-30');
    expect(r.items[2]!.deadline?.date).toBe('2024-12-31');
  });
});

describe('.xlsx', () => {
  test('a workbook with a merged 序号 continuation row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分解');
    ws.addRow(['2024年重点任务分解表']);
    ws.mergeCells('A1:F1');
    ws.addRow(['序号', '重点任务', '牵头领导', '牵头单位', '配合单位', '完成时限']);
    ws.addRow([1, '建设高标准农田2.5万亩', '张建华', '县农业农村局', '各镇', '10月底前']);
    ws.addRow([null, '新建灌溉渠道15公里', null, null, '县水利局', null]);
    ws.mergeCells('A3:A4');
    ws.mergeCells('C3:C4');
    ws.addRow([2, '新增规上企业5户以上', '李明', '县工信局', '县统计局', new Date(Date.UTC(2024, 8, 30))]);
    ws.addRow([3, { richText: [{ text: '城镇新增就业' }, { text: '2000人以上' }] }, '王强', '县人社局', '', '全年']);
    const buffer = await wb.xlsx.writeBuffer();

    const rows = await xlsxToRows(new Uint8Array(buffer as ArrayBuffer));
    expect(rows).toEqual([
      ['2024年重点任务分解表'],
      ['序号', '重点任务', '牵头领导', '牵头单位', '配合单位', '完成时限'],
      ['1', '建设高标准农田2.5万亩', '张建华', '县农业农村局', '各镇', '10月底前'],
      ['', '新建灌溉渠道15公里', '', '', '县水利局'],
      ['2', '新增规上企业5户以上', '李明', '县工信局', '县统计局', '2024-09-30'],
      ['3', '城镇新增就业2000人以上', '王强', '县人社局', '', '全年'],
    ]);

    const r = parsePlan(rowsToText(rows));
    expectWellFormed(r);
    expect(r.title).toBe('2024年重点任务分解表');
    expect(r.year).toBe(2024);
    expect(r.items.map((i) => [i.numbering, i.text])).toEqual([
      ['1', '建设高标准农田2.5万亩\n新建灌溉渠道15公里'],
      ['2', '新增规上企业5户以上'],
      ['3', '城镇新增就业2000人以上'],
    ]);
    const [a, b, c] = r.items;
    expect(a!.owners).toEqual({ leaders: ['张建华'], leadUnits: ['县农业农村局'], coUnits: ['各镇', '县水利局'] });
    expect(targetTuples(a!)).toEqual([
      ['=', 2.5, null, '万亩'],
      ['=', 15, null, '公里'],
    ]);
    expect(a!.deadline).toEqual({ text: '10月底前', date: '2024-10-31', inferred: false });
    expect(b!.deadline).toEqual({ text: '2024-09-30', date: '2024-09-30', inferred: false });
    expect(c!.deadline).toEqual({ text: '全年', date: '2024-12-31', inferred: false });
    expect(targetTuples(c!)).toEqual([['>=', 2000, null, '人']]);
  });

  test('a file that is not a workbook is rejected', async () => {
    await expect(xlsxToRows(new TextEncoder().encode('not a zip'))).rejects.toThrow();
  });
});
