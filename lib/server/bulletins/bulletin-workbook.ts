import 'server-only';
import ExcelJS from 'exceljs';
import type { BulletinContent } from '@/lib/server/bulletins/build-bulletin';
import { formatRate } from '@/lib/core/ranking/score-units';

/** The 通报 as an .xlsx: 概况 (totals), 逾期任务 (overdue list), 单位排名 (ranking). */
export async function bulletinWorkbook(content: BulletinContent): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实';
  workbook.created = new Date();

  const summary = workbook.addWorksheet('概况');
  summary.columns = [{ width: 18 }, { width: 60 }];
  summary.addRows([
    [content.title],
    ['统计截至', content.asOf],
    ['年度', content.year],
    ['任务总数', content.totals.total],
    ['已销号', content.totals.closed],
    ['完成率', formatRate(content.totals.completionRate)],
    ['逾期未完成', content.totals.overdue],
  ]);
  summary.getRow(1).font = { bold: true, size: 14 };

  const overdue = workbook.addWorksheet('逾期任务');
  overdue.columns = [
    { header: '任务编号', key: 'code', width: 14 },
    { header: '任务', key: 'title', width: 60 },
    { header: '牵头单位', key: 'unit', width: 16 },
    { header: '完成时限', key: 'deadline', width: 14 },
    { header: '逾期天数', key: 'daysOverdue', width: 10 },
  ];
  overdue.addRows(content.overdue.rows);
  overdue.getRow(1).font = { bold: true };

  const ranking = workbook.addWorksheet('单位排名');
  ranking.columns = [
    { header: '名次', key: 'rank', width: 8 },
    { header: '单位', key: 'unit', width: 16 },
    { header: '任务数', key: 'total', width: 10 },
    { header: '已销号', key: 'closed', width: 10 },
    { header: '按时完成', key: 'closedOnTime', width: 10 },
    { header: '逾期', key: 'overdue', width: 8 },
    { header: '按时完成率', key: 'onTimeRate', width: 12 },
    { header: '正常推进率', key: 'onTrackShare', width: 12 },
    { header: '得分', key: 'score', width: 8 },
  ];
  ranking.addRows(content.ranking.map((row) => ({ ...row, onTimeRate: formatRate(row.onTimeRate), onTrackShare: formatRate(row.onTrackShare) })));
  ranking.getRow(1).font = { bold: true };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
