/**
 * The monthly 通报 as a Word document (.docx) in the customary official form: 文号, title, body
 * (totals, overdue tasks), the ranking table, then the 落款 (issuing office) and date on the right.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatRate } from '@/lib/core/ranking/score-units';
import type { ExportFileName } from '@/lib/core/export/workbook';
import type { BulletinSheets } from '@/lib/core/export/bulletin-workbook';

export type BulletinDocument = BulletinSheets & {
  overdueCount: number;
  /** 落款, e.g. 青山县委督查室 */
  issuer: string;
  /** 成文日期 in Chinese, e.g. 2026年11月30日 */
  dateText: string;
};

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const text = (value: string, options: { bold?: boolean; size?: number; title?: boolean } = {}) =>
  new TextRun({ text: value, bold: options.bold, size: options.size ?? 32, font: options.title ? TITLE_FONT : FONT });
const body = (value: string) => new Paragraph({ children: [text(value)], indent: { firstLine: 640 }, spacing: { line: 560 } });
const heading = (value: string) => new Paragraph({ children: [text(value, { bold: true })], indent: { firstLine: 640 }, spacing: { line: 560 } });

/** 文号 of a month's 通报: 督查通报〔2026〕11号. */
export function bulletinDocumentNumber(period: string): string {
  const [year, month] = period.split('-');
  return `督查通报〔${year}〕${Number(month)}号`;
}

export function bulletinDocumentFileName(content: Pick<BulletinSheets, 'title' | 'period'>): ExportFileName {
  return { name: `${content.title}.docx`, asciiName: `bulletin-${content.period}.docx` };
}

function rankingTable(content: BulletinDocument): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (value: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold, size: 24 })] })],
    });
  const header = ['名次', '单位', '任务', '已销号', '逾期', '按时完成率', '得分'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((label) => cell(label, true)) }),
      ...content.ranking.map(
        (row) =>
          new TableRow({
            children: [String(row.rank), row.unit, String(row.total), String(row.closed), String(row.overdue), formatRate(row.onTimeRate), String(row.score)].map((value) =>
              cell(value),
            ),
          }),
      ),
    ],
  });
}

export async function buildBulletinDocument(content: BulletinDocument): Promise<Buffer> {
  const { totals } = content;
  const overdue = content.overdue.rows.map(
    (row, index) => body(`${index + 1}. ${row.title}（${row.unit}，完成时限${row.deadline}，已逾期${row.daysOverdue}天）`),
  );
  const document = new Document({
    creator: content.issuer,
    title: content.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [text(bulletinDocumentNumber(content.period))] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [text(content.title, { size: 44, title: true })] }),
          body(`现将截至${content.asOf}全县重点任务推进情况通报如下：`),
          heading('一、总体完成情况'),
          body(
            `${content.year}年度共有重点任务${totals.total}项，已销号${totals.closed}项，完成率${formatRate(totals.completionRate)}；逾期未完成${totals.overdue}项。`,
          ),
          heading('二、逾期未完成任务'),
          ...(content.overdueCount === 0
            ? [body('无逾期未完成任务。')]
            : [
                ...(content.overdueCount > content.overdue.rows.length ? [body(`共${content.overdueCount}项，以下列出逾期最久的${content.overdue.rows.length}项：`)] : []),
                ...overdue,
              ]),
          heading('三、单位排名'),
          ...(content.ranking.length === 0 ? [body('暂无可排名的单位。')] : [rankingTable(content)]),
          body('请各单位对照通报问题，认真抓好整改落实。'),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, line: 560 }, children: [text(content.issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 560 }, children: [text(content.dateText)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
