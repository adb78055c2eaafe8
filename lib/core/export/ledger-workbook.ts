/**
 * The task ledger (任务台账) as an .xlsx workbook, laid out the way county offices file it: a title
 * row, the header 序号 / 编号 / 重点任务 / 牵头领导 / 牵头单位 / 配合单位 / 完成时限 / 目标 / 进展情况 / 状态,
 * one row per task, wrapped text, a frozen header, printed A4 landscape with the header on every page.
 */
import { formatChineseDate, formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { LIGHT_LABELS, type TrafficLight } from '@/lib/core/schedule/progress';
import { TASK_STATUS_LABELS, type TaskStatus } from '@/lib/core/workflow/task-status';
import { buildWorkbook, type ExportFileName, type SheetColumn } from '@/lib/core/export/workbook';

export type LedgerRow = {
  year: number;
  /** The task's number (编号), as the ledger page shows it. */
  code: string;
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

const LEDGER_COLUMNS: readonly SheetColumn[] = [
  { header: '序号', width: 6, align: 'center' },
  { header: '编号', width: 14 },
  { header: '重点任务', width: 40 },
  { header: '牵头领导', width: 10 },
  { header: '牵头单位', width: 16 },
  { header: '配合单位', width: 20 },
  { header: '完成时限', width: 14 },
  { header: '目标', width: 30 },
  { header: '进展情况', width: 44 },
  { header: '状态', width: 12 },
];

/** Longest filter part kept in a file name (a long search or plan title is cut). */
const FILTER_NAME_MAX = 60;

/**
 * 任务台账-<filters>-YYYYMMDD.xlsx (e.g. 任务台账-县教育局-红灯-20240701.xlsx), so that several
 * exports of one day tell apart; plus an ASCII name for clients that cannot read RFC 5987 names.
 */
export function ledgerFileName(exportedAt: Date, filters: readonly string[] = []): ExportFileName {
  const compactDate = shanghaiIsoDate(exportedAt).replaceAll('-', '');
  const filterPart = filters
    .map((part) => part.replace(/[\\/:*?"<>|\s]+/g, ''))
    .filter(Boolean)
    .join('-')
    .slice(0, FILTER_NAME_MAX);
  return { name: `任务台账-${filterPart ? `${filterPart}-` : ''}${compactDate}.xlsx`, asciiName: `task-ledger-${compactDate}.xlsx` };
}

/** The filters of an export in words, for its file name: the names the user chose, in the filter form's order. */
export function ledgerFilterWords(
  params: { q?: string; planId?: string; unitId?: string; leaderId?: string; light?: string; status: readonly TaskStatus[]; overdue: boolean; deadlineFrom?: string; deadlineTo?: string },
  names: { plan?: string; unit?: string; leader?: string },
): string[] {
  const words: string[] = [];
  if (params.q) words.push(`搜索${params.q}`);
  if (names.plan) words.push(names.plan);
  if (names.unit) words.push(names.unit);
  if (names.leader) words.push(names.leader);
  if (params.light) words.push(params.light === 'done' ? LIGHT_LABELS.done : `${LIGHT_LABELS[params.light as TrafficLight]}灯`);
  if (params.status.length > 0) words.push(params.status.map((status) => TASK_STATUS_LABELS[status]).join('、'));
  if (params.overdue) words.push('逾期');
  if (params.deadlineFrom || params.deadlineTo) words.push(`时限${params.deadlineFrom ?? ''}至${params.deadlineTo ?? ''}`);
  return words;
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
    row.code,
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

export async function buildLedgerWorkbook({ rows, exportedAt }: { rows: readonly LedgerRow[]; exportedAt: Date }): Promise<Buffer> {
  return buildWorkbook({
    created: exportedAt,
    sheets: [{ name: '任务台账', title: ledgerTitle(rows, exportedAt), columns: LEDGER_COLUMNS, rows: rows.map(ledgerCells) }],
  });
}
