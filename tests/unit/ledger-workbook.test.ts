import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { buildLedgerWorkbook, ledgerFileName, ledgerFilterWords, ledgerTitle, type LedgerRow } from '@/lib/core/export/ledger-workbook';

const HEADER = ['序号', '编号', '重点任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '目标', '进展情况', '状态'];

const ROWS: LedgerRow[] = [
  {
    year: 2024,
    code: '2024-001',
    title: '全年实施重点项目200个以上',
    leaders: ['张建华', '李明远'],
    leadUnit: '县发展和改革局',
    coUnits: ['县财政局', '县统计局'],
    deadline: new Date('2024-12-31T00:00:00Z'),
    targets: ['重点项目200个以上', '完成投资150亿元'],
    progress: { narrative: '已开工158个', percent: 79 },
    status: 'IN_PROGRESS',
    light: 'yellow',
  },
  {
    year: 2024,
    code: '2024-002',
    title: '新建幼儿园3所',
    leaders: [],
    leadUnit: '县教育局',
    coUnits: [],
    deadline: new Date('2024-06-30T00:00:00Z'),
    targets: ['新建幼儿园3所'],
    progress: null,
    status: 'CLOSED',
    light: 'done',
  },
];

// 2024-07-01 01:05 UTC is 09:05 in Shanghai.
const EXPORTED_AT = new Date('2024-07-01T01:05:00Z');

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('任务台账');
  if (!sheet) throw new Error('no 任务台账 sheet');
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number) {
  return HEADER.map((_, i) => sheet.getRow(row).getCell(i + 1).value);
}

describe('ledger workbook', () => {
  test('title row, header row and one row per task read back from the file', async () => {
    const sheet = await readBack(await buildLedgerWorkbook({ rows: ROWS, exportedAt: EXPORTED_AT }));
    expect(sheet.getCell('A1').value).toBe('2024年重点任务台账（导出时间：2024-07-01 09:05）');
    expect(rowValues(sheet, 2)).toEqual(HEADER);
    expect(rowValues(sheet, 3)).toEqual([
      1,
      '2024-001',
      '全年实施重点项目200个以上',
      '张建华、李明远',
      '县发展和改革局',
      '县财政局、县统计局',
      '2024年12月31日',
      '1. 重点项目200个以上\n2. 完成投资150亿元',
      '已开工158个（进度 79%）',
      '办理中（黄灯）',
    ]);
    expect(rowValues(sheet, 4)).toEqual([2, '2024-002', '新建幼儿园3所', '', '县教育局', '', '2024年6月30日', '新建幼儿园3所', '暂未报送', '已销号']);
    expect(sheet.rowCount).toBe(4);
  });

  test('print and view setup: frozen header, A4 landscape, header repeated, wrapped text, widths', async () => {
    const sheet = await readBack(await buildLedgerWorkbook({ rows: ROWS, exportedAt: EXPORTED_AT }));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    expect(sheet.getCell('C3').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(3).width).toBe(40);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('J1').isMerged).toBe(true);
  });

  test('an empty ledger still has its title and header', async () => {
    const sheet = await readBack(await buildLedgerWorkbook({ rows: [], exportedAt: EXPORTED_AT }));
    expect(sheet.getCell('A1').value).toBe('重点任务台账（导出时间：2024-07-01 09:05）');
    expect(rowValues(sheet, 2)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(2);
  });

  test('the title leaves out the year when rows span several years', () => {
    expect(ledgerTitle([ROWS[0]!, { ...ROWS[1]!, year: 2025 }], EXPORTED_AT)).toBe('重点任务台账（导出时间：2024-07-01 09:05）');
  });

  test('the file name keeps the filters in words, cut to a length and free of path characters', () => {
    const words = ledgerFilterWords(
      { q: 'a/b 学校', light: 'red', status: ['IN_PROGRESS'], overdue: true, deadlineFrom: '2024-01-01' },
      { unit: '教育局', leader: '张建华' },
    );
    expect(words).toEqual(['搜索a/b 学校', '教育局', '张建华', '红灯', '办理中', '逾期', '时限2024-01-01至']);
    expect(ledgerFileName(EXPORTED_AT, words).name).toBe('任务台账-搜索ab学校-教育局-张建华-红灯-办理中-逾期-时限2024-01-01至-20240701.xlsx');
    expect(ledgerFileName(EXPORTED_AT, ['很'.repeat(100)]).name).toBe(`任务台账-${'很'.repeat(60)}-20240701.xlsx`);
  });

  test('the file name carries the Shanghai date', () => {
    // 2024-06-30 17:00 UTC is already 1 July in Shanghai.
    expect(ledgerFileName(new Date('2024-06-30T17:00:00Z'))).toEqual({ name: '任务台账-20240701.xlsx', asciiName: 'task-ledger-20240701.xlsx' });
  });
});
