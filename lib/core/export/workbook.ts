/**
 * Every .xlsx luoshi exports is built here, one way: each sheet an optional title row (merged, large),
 * an optional header row (bold, shaded, repeated on every printed page), then the data rows;
 * thin borders, wrapped text, the header frozen, printed A4 landscape fitted to the page width,
 * 第 N 页 in the footer. The ledger (ledger-workbook.ts) and the 通报 (bulletin-workbook.ts) only
 * say which sheets, columns and cells.
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface SheetColumn {
  /** Header text; a sheet whose columns have none gets no header row (a label/value sheet). */
  header?: string;
  width: number;
  align?: 'left' | 'center';
  /** A note on the header cell: what to write in the column (for workbooks that are filled in and imported). */
  note?: string;
  /** Stored as text, so codes like 001 and phone numbers keep their digits. */
  text?: boolean;
  /** A drop-down of the allowed values on the column's data cells. */
  choices?: readonly string[];
}

export interface SheetSpec {
  name: string;
  title?: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly CellValue[])[];
  /** Empty rows below the data that still get the columns' drop-downs (a template to fill in). */
  inputRows?: number;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec) {
  const titleRow = spec.title === undefined ? 0 : 1;
  const hasHeader = spec.columns.some((column) => column.header !== undefined);
  const headerRow = hasHeader ? titleRow + 1 : 0;
  const frozenRows = Math.max(titleRow, headerRow);
  const sheet = workbook.addWorksheet(spec.name, {
    views: frozenRows > 0 ? [{ state: 'frozen', ySplit: frozenRows }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(hasHeader ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = spec.columns.map((column) => ({ width: column.width }));
  spec.columns.forEach((column, index) => {
    if (column.text) sheet.getColumn(index + 1).numFmt = '@';
  });

  if (spec.title !== undefined) {
    sheet.mergeCells(titleRow, 1, titleRow, spec.columns.length);
    const title = sheet.getCell(titleRow, 1);
    title.value = spec.title;
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(titleRow).height = 32;
  }

  if (hasHeader) {
    const header = sheet.getRow(headerRow);
    header.values = spec.columns.map((column) => column.header ?? '');
    header.height = 22;
    header.eachCell((cell, column) => {
      const note = spec.columns[column - 1]?.note;
      if (note) cell.note = note;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = BORDER;
    });
  }

  for (const values of spec.rows) {
    const row = sheet.addRow([...values]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: spec.columns[column - 1]?.align ?? 'left' };
      cell.border = BORDER;
    });
  }

  const lastInputRow = Math.max(headerRow, titleRow) + spec.rows.length + (spec.inputRows ?? 0);
  spec.columns.forEach((column, index) => {
    if (!column.choices) return;
    for (let row = Math.max(headerRow, titleRow) + 1; row <= lastInputRow; row++) {
      sheet.getCell(row, index + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${column.choices.join(',')}"`] };
    }
  });
}

export async function buildWorkbook({ sheets, created }: { sheets: readonly SheetSpec[]; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实 督查督办系统';
  workbook.created = created;
  for (const sheet of sheets) addSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download's file name, plus an ASCII one for clients that cannot read RFC 5987 names. */
export type ExportFileName = { name: string; asciiName: string };
