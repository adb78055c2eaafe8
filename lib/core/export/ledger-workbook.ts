/**
 * The task ledger (任务台账) as an .xlsx workbook, laid out the way county offices file it: a title
 * row, the header 序号 / 重点任务 / 牵头领导 / 牵头单位 / 配合单位 / 完成时限 / 目标 / 进展情况 / 状态,
 * one row per task, wrapped text, a frozen header, printed A4 landscape with the header on every page.
 */
import ExcelJS from 'exceljs';
import { formatChineseDate, formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { LIGHT_LABELS, type TrafficLight } from '@/lib/core/schedule/progress';
import { TASK_STATUS_LABELS, type TaskStatus } from '@/lib/core/workflow/task-status';

export type LedgerRow = {
  year: number;
  title: string;
  leaders: string[];
  leadUnit: string;
  coUnits: string[];
  deadline: Date;
  targets: string[];
  /** Latest progress report, null when none was filed. */
  progress: { narrative: string; percent: number } | null;
  status: TaskStatus;
  light: TrafficLight;
};

const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '重点任务', width: 40 },
  { header: '牵头领导', width: 10 },
  { header: '牵头单位', width: 16 },
  { header: '配合单位', width: 20 },
  { header: '完成时限', width: 14 },
  { header: '目标', width: 30 },
  { header: '进展情况', width: 44 },
  { header: '状态', width: 12 },
] as const;

const TITLE_ROW = 1;
const HEADER_ROW = 2;

/** 任务台账-YYYYMMDD.xlsx, plus an ASCII name for clients that cannot read RFC 5987 names. */
export function ledgerFileName(exportedAt: Date): { name: string; asciiName: string } {
  const compactDate = shanghaiIsoDate(exportedAt).replaceAll('-', '');
  return { name: `任务台账-${compactDate}.xlsx`, asciiName: `task-ledger-${compactDate}.xlsx` };
}

/** 2024年重点任务台账（导出时间：2024-06-30 09:05）; the year is left out when the rows span several. */
export function ledgerTitle(rows: readonly LedgerRow[], exportedAt: Date): string {
  const years = new Set(rows.map((row) => row.year));
  const year = years.size === 1 ? `${[...years][0]}年` : '';
  return `${year}重点任务台账（导出时间：${formatShanghaiDateTime(exportedAt)}）`;
}

function ledgerProgressText(progress: LedgerRow['progress']): string {
  return progress ? `${progress.narrative}（进度 ${progress.percent}%）` : '暂未报送';
}

function ledgerStatusText(status: TaskStatus, light: TrafficLight): string {
  return status === 'CLOSED' || status === 'CANCELLED' ? TASK_STATUS_LABELS[status] : `${TASK_STATUS_LABELS[status]}（${LIGHT_LABELS[light]}灯）`;
}

function targetsText(targets: readonly string[]): string {
  return targets.length > 1 ? targets.map((target, index) => `${index + 1}. ${target}`).join('\n') : (targets[0] ?? '');
}

/** The cell values of one ledger row (序号 first). */
function ledgerCells(row: LedgerRow, index: number): (string | number)[] {
  return [
    index + 1,
    row.title,
    row.leaders.join('、'),
    row.leadUnit,
    row.coUnits.join('、'),
    formatChineseDate(row.deadline),
    targetsText(row.targets),
    ledgerProgressText(row.progress),
    ledgerStatusText(row.status, row.light),
  ];
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function buildLedgerWorkbook({ rows, exportedAt }: { rows: readonly LedgerRow[]; exportedAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实 督查督办系统';
  workbook.created = exportedAt;
  const sheet = workbook.addWorksheet('任务台账', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({ width: column.width }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, LEDGER_COLUMNS.length);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = ledgerTitle(rows, exportedAt);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  header.values = LEDGER_COLUMNS.map((column) => column.header);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });

  rows.forEach((row, index) => {
    const added = sheet.addRow(ledgerCells(row, index));
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: column === 1 ? 'center' : 'left' };
      cell.border = BORDER;
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
