/**
 * The directory workbook (目录工作簿): sheets 单位 / 人员 / 分管 with the columns an office keeps.
 * `buildDirectoryWorkbook` writes a directory (or an empty template); `readDirectoryWorkbook` reads
 * one back into raw cell text per row, keyed by column, with Excel's row numbers. Headers are
 * found by name (hints in brackets and * are ignored), so columns may be reordered or added.
 */
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../export/workbook';
import { cellText } from '../plan/xlsx';
import { checkZipBounds } from '../plan/zip-bounds';
import type { Directory } from './directory-data';
import { joinList, ROLE_LABELS, ROLES, UNIT_KIND_LABELS, UNIT_KINDS } from './labels';

export const DIRECTORY_SHEETS = ['单位', '人员', '分管'] as const;
export type DirectorySheet = (typeof DIRECTORY_SHEETS)[number];

type Column = { key: string; header: string; also?: string[]; required?: boolean; width: number; note: string };

export const DIRECTORY_COLUMNS = {
  单位: [
    { key: 'code', header: '编码', also: ['单位编码', '代码'], required: true, width: 12, note: '唯一，字母、数字、_ 或 -；导入时按编码新增或更新' },
    { key: 'name', header: '全称', also: ['单位全称', '单位名称', '名称'], required: true, width: 26, note: '如：县发展和改革局' },
    { key: 'shortName', header: '简称', width: 14, note: '如：发改局；留空则同全称' },
    { key: 'kind', header: '类型', also: ['单位类型'], required: true, width: 8, note: '部门、镇办 或 其他' },
    { key: 'sortOrder', header: '排序', width: 8, note: '整数，小的在前；留空则保持原顺序（新单位排在最后）' },
    { key: 'active', header: '启用', also: ['是否启用', '状态'], width: 8, note: '是 或 否；留空为 是' },
    { key: 'keywords', header: '职责关键词', also: ['关键词', '职责'], width: 30, note: '导入计划时据此推荐牵头单位，用“、”分隔' },
    { key: 'aliases', header: '别名', width: 20, note: '本县对该单位的其他叫法，用“、”分隔' },
  ],
  人员: [
    { key: 'username', header: '账号', also: ['登录账号', '用户名'], required: true, width: 14, note: '唯一，字母、数字及 _ . @ -；导入时按账号新增或更新' },
    { key: 'name', header: '姓名', required: true, width: 10, note: '' },
    { key: 'title', header: '职务', width: 16, note: '如：副县长、办公室主任' },
    { key: 'role', header: '角色', required: true, width: 12, note: '督查室、县领导、单位负责人 或 单位联络员' },
    { key: 'unitCode', header: '单位编码', width: 12, note: '单位编码与单位全称填一项即可；单位负责人和联络员必填' },
    { key: 'unitName', header: '单位全称', also: ['单位', '所在单位', '单位名称'], width: 26, note: '单位编码与单位全称填一项即可' },
    { key: 'phone', header: '手机', also: ['手机号', '电话', '联系电话'], width: 14, note: '' },
    { key: 'active', header: '启用', also: ['是否启用', '状态'], width: 8, note: '是 或 否；留空为 是' },
    { key: 'initialPassword', header: '初始密码', also: ['密码'], width: 14, note: '仅用于新账号；留空则自动生成一次性密码，导入后显示一次。首次登录须修改' },
  ],
  分管: [
    { key: 'leader', header: '领导账号', also: ['账号'], required: true, width: 14, note: '角色为县领导的账号' },
    { key: 'unit', header: '单位', also: ['分管单位', '单位编码', '单位全称'], required: true, width: 26, note: '单位编码或全称，每行一个；表中列出的领导，其分管单位以本表为准' },
  ],
} as const satisfies Record<DirectorySheet, readonly Column[]>;

export type DirectoryColumnKey<S extends DirectorySheet> = (typeof DIRECTORY_COLUMNS)[S][number]['key'];

/** One data row: its Excel row number and the text of each recognised column. */
export type RawRow<S extends DirectorySheet> = { row: number; cells: Partial<Record<DirectoryColumnKey<S>, string>> };

export type WorkbookIssue = { sheet: DirectorySheet | null; row: number | null; column?: string; message: string };

/** The sheets found (a missing sheet is null: that part of the directory is left as it is). */
export type RawDirectory = { [S in DirectorySheet]: RawRow<S>[] | null };

export const MAX_DIRECTORY_ROWS = 5000;
export const MAX_DIRECTORY_FILE_BYTES = 5 * 1024 * 1024;

const YES = '是';
const NO = '否';

const normalise = (header: string) => header.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊]/g, '');

/** The directory as the rows of each sheet (units first, people by unit, leaders' units in order). */
export function directorySheetRows(directory: Directory): Record<DirectorySheet, (string | number)[][]> {
  const unitName = new Map(directory.units.map((unit) => [unit.code, unit.name]));
  return {
    单位: directory.units.map((unit) => [
      unit.code,
      unit.name,
      unit.shortName,
      UNIT_KIND_LABELS[unit.kind],
      unit.sortOrder,
      unit.active ? YES : NO,
      joinList(unit.keywords),
      joinList(unit.aliases),
    ]),
    人员: directory.users.map((user) => [
      user.username,
      user.name,
      user.title ?? '',
      ROLE_LABELS[user.role],
      user.unitCode ?? '',
      user.unitCode ? (unitName.get(user.unitCode) ?? '') : '',
      user.phone ?? '',
      user.active ? YES : NO,
      '',
    ]),
    分管: directory.leaders.flatMap((leader) => leader.unitCodes.map((code) => [leader.username, unitName.get(code) ?? code])),
  };
}

const DROPDOWNS: Partial<Record<DirectorySheet, Record<string, string[]>>> = {
  单位: { kind: UNIT_KINDS.map((kind) => UNIT_KIND_LABELS[kind]), active: [YES, NO] },
  人员: { role: ROLES.map((role) => ROLE_LABELS[role]), active: [YES, NO] },
};

/** The workbook of `directory`; an empty directory gives the template (headers, notes, drop-downs). */
export function buildDirectoryWorkbook(directory: Directory, created = new Date()): Promise<Buffer> {
  const rows = directorySheetRows(directory);
  return buildWorkbook({
    created,
    sheets: DIRECTORY_SHEETS.map((name) => ({
      name,
      columns: (DIRECTORY_COLUMNS[name] as readonly Column[]).map((column) => ({
        header: column.header,
        width: column.width,
        note: column.required ? `必填。${column.note}` : column.note || undefined,
        // Every cell but 排序 is text, so codes like 001 and phone numbers keep their digits.
        text: column.key !== 'sortOrder',
        choices: DROPDOWNS[name]?.[column.key],
      })),
      rows: rows[name],
      inputRows: 300,
    })),
  });
}

function readSheet<S extends DirectorySheet>(sheetName: S, sheet: ExcelJS.Worksheet, issues: WorkbookIssue[]): RawRow<S>[] {
  const columns: readonly Column[] = DIRECTORY_COLUMNS[sheetName];
  const keyOf = new Map<string, string>();
  for (const column of columns) for (const name of [column.header, ...(column.also ?? [])]) keyOf.set(name, column.key);

  // The header is the first row naming every required column (a title row above it is allowed).
  let headerRow = 0;
  let positions = new Map<number, string>();
  for (let row = 1; row <= Math.min(sheet.rowCount, 5) && headerRow === 0; row++) {
    const found = new Map<number, string>();
    sheet.getRow(row).eachCell((cell, col) => {
      const key = keyOf.get(normalise(cellText(cell.value)));
      if (key && ![...found.values()].includes(key)) found.set(col, key);
    });
    if (columns.every((column) => !column.required || [...found.values()].includes(column.key))) {
      headerRow = row;
      positions = found;
    }
  }
  if (headerRow === 0) {
    const required = columns.filter((column) => column.required).map((column) => `“${column.header}”`).join('、');
    issues.push({ sheet: sheetName, row: 1, message: `找不到表头：第 1 行应包含 ${required} 列` });
    return [];
  }

  const rows: RawRow<S>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: Record<string, string> = {};
    for (const [col, key] of positions) {
      const text = cellText(row.getCell(col).value).trim();
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ row: rowNumber, cells: cells as RawRow<S>['cells'] });
  });
  if (rows.length > MAX_DIRECTORY_ROWS) {
    issues.push({ sheet: sheetName, row: null, message: `行数过多（上限 ${MAX_DIRECTORY_ROWS} 行）` });
    return [];
  }
  return rows;
}

/** The rows of each directory sheet, or the reasons the file cannot be read as a directory workbook. */
export async function readDirectoryWorkbook(bytes: Uint8Array): Promise<{ raw: RawDirectory; issues: WorkbookIssue[] }> {
  const empty: RawDirectory = { 单位: null, 人员: null, 分管: null };
  if (bytes.length === 0) return { raw: empty, issues: [{ sheet: null, row: null, message: '文件为空' }] };
  if (bytes.length > MAX_DIRECTORY_FILE_BYTES) return { raw: empty, issues: [{ sheet: null, row: null, message: '文件过大（上限 5 MB）' }] };
  // Inflated and counted before exceljs holds it in memory: a zip bomb is refused here.
  const bounds = await checkZipBounds(bytes);
  if (!bounds.ok) {
    const message = bounds.reason === 'not-zip' ? '无法读取该文件，请上传 .xlsx 格式的目录工作簿' : '文件解压后过大或内容过多，请检查后重试';
    return { raw: empty, issues: [{ sheet: null, row: null, message }] };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    await workbook.xlsx.load(copy.buffer);
  } catch {
    return { raw: empty, issues: [{ sheet: null, row: null, message: '无法读取该文件，请上传 .xlsx 格式的目录工作簿' }] };
  }
  const issues: WorkbookIssue[] = [];
  const sheetNamed = (name: string) => workbook.worksheets.find((sheet) => sheet.name.trim() === name);
  const raw: RawDirectory = {
    单位: sheetNamed('单位') ? readSheet('单位', sheetNamed('单位')!, issues) : null,
    人员: sheetNamed('人员') ? readSheet('人员', sheetNamed('人员')!, issues) : null,
    分管: sheetNamed('分管') ? readSheet('分管', sheetNamed('分管')!, issues) : null,
  };
  if (!raw.单位 && !raw.人员 && !raw.分管) {
    issues.push({ sheet: null, row: null, message: '工作簿中没有名为“单位”“人员”或“分管”的工作表' });
  }
  return { raw, issues };
}
