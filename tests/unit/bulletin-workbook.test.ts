import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { buildBulletinWorkbook, bulletinFileName, type BulletinSheets } from '@/lib/core/export/bulletin-workbook';

const CONTENT: BulletinSheets = {
  period: '2024-04',
  title: '示范县重点工作督查通报（2024年4月）',
  asOf: '2024-04-30',
  year: 2024,
  totals: { total: 10, closed: 4, completionRate: 0.4, overdue: 1 },
  overdue: { rows: [{ code: '2024-0003', title: '新建幼儿园3所', unit: '县教育局', deadline: '2024-03-31', daysOverdue: 30 }] },
  ranking: [{ rank: 1, unit: '教育局', total: 3, closed: 2, closedOnTime: 2, overdue: 1, onTimeRate: 2 / 3, onTrackShare: 0.5, score: 80 }],
};

test('the 通报 workbook is built like the ledger: titled summary, header rows frozen and repeated when printed', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildBulletinWorkbook(CONTENT)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['概况', '逾期任务', '单位排名']);

  const summary = workbook.getWorksheet('概况')!;
  expect(summary.getCell('A1').value).toBe(CONTENT.title);
  expect(summary.getCell('B1').isMerged).toBe(true);
  expect(summary.getRow(2).values).toEqual([undefined, '统计截至', '2024-04-30']);
  expect(summary.rowCount).toBe(7);

  const overdue = workbook.getWorksheet('逾期任务')!;
  expect(overdue.getRow(1).values).toEqual([undefined, '任务编号', '任务', '牵头单位', '完成时限', '逾期天数']);
  expect(overdue.getRow(2).values).toEqual([undefined, '2024-0003', '新建幼儿园3所', '县教育局', '2024-03-31', 30]);
  expect(overdue.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(overdue.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
  expect(overdue.getCell('B2').border?.top).toMatchObject({ style: 'thin' });

  const ranking = workbook.getWorksheet('单位排名')!;
  expect(ranking.getRow(2).getCell(7).value).toBe('66.7%');
  expect(bulletinFileName(CONTENT)).toEqual({ name: '示范县重点工作督查通报（2024年4月）.xlsx', asciiName: 'bulletin-2024-04.xlsx' });
});
