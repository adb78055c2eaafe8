/** The monthly 通报 as an .xlsx: 概况 (totals), 逾期任务 (overdue list), 单位排名 (ranking). */
import { formatRate } from '@/lib/core/ranking/score-units';
import { buildWorkbook, type ExportFileName } from '@/lib/core/export/workbook';

/** What the workbook shows of a built 通报 (lib/server/bulletins/build-bulletin.ts). */
export type BulletinSheets = {
  period: string;
  title: string;
  asOf: string;
  year: number;
  totals: { total: number; closed: number; completionRate: number | null; overdue: number };
  overdue: { rows: readonly { code: string; title: string; unit: string; deadline: string; daysOverdue: number }[] };
  ranking: readonly {
    rank: number;
    unit: string;
    total: number;
    closed: number;
    closedOnTime: number;
    overdue: number;
    onTimeRate: number | null;
    onTrackShare: number;
    score: number;
  }[];
};

export function bulletinFileName(content: BulletinSheets): ExportFileName {
  return { name: `${content.title}.xlsx`, asciiName: `bulletin-${content.period}.xlsx` };
}

export async function buildBulletinWorkbook(content: BulletinSheets, created = new Date()): Promise<Buffer> {
  return buildWorkbook({
    created,
    sheets: [
      {
        name: '概况',
        title: content.title,
        columns: [{ width: 18 }, { width: 60 }],
        rows: [
          ['统计截至', content.asOf],
          ['年度', content.year],
          ['任务总数', content.totals.total],
          ['已销号', content.totals.closed],
          ['完成率', formatRate(content.totals.completionRate)],
          ['逾期未完成', content.totals.overdue],
        ],
      },
      {
        name: '逾期任务',
        columns: [
          { header: '任务编号', width: 14 },
          { header: '任务', width: 60 },
          { header: '牵头单位', width: 16 },
          { header: '完成时限', width: 14 },
          { header: '逾期天数', width: 10, align: 'center' },
        ],
        rows: content.overdue.rows.map((row) => [row.code, row.title, row.unit, row.deadline, row.daysOverdue]),
      },
      {
        name: '单位排名',
        columns: [
          { header: '名次', width: 8, align: 'center' },
          { header: '单位', width: 16 },
          { header: '任务数', width: 10 },
          { header: '已销号', width: 10 },
          { header: '按时完成', width: 10 },
          { header: '逾期', width: 8 },
          { header: '按时完成率', width: 12 },
          { header: '正常推进率', width: 12 },
          { header: '得分', width: 8 },
        ],
        rows: content.ranking.map((row) => [
          row.rank,
          row.unit,
          row.total,
          row.closed,
          row.closedOnTime,
          row.overdue,
          formatRate(row.onTimeRate),
          formatRate(row.onTrackShare),
          row.score,
        ]),
      },
    ],
  });
}
