/**
 * `.xlsx` task breakdown tables → rows of cell text (exceljs). The rows are parsed like any
 * tab-separated table: `parsePlan(rowsToText(await xlsxToRows(buf)))` (see table.ts).
 *
 * Cells covered by a merge (other than its top-left cell) come out empty, so a row whose 序号
 * cell is merged with the row above is a continuation row and is attached to that row.
 * All visible worksheets are read in order, separated by an empty row.
 */
import ExcelJS from 'exceljs';
import { isoDateFromYmd } from '../schedule/calendar-day';

/** The text a cell shows: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : isoDateFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))
        ? ''
        : cellText(result as ExcelJS.CellValue);
    }
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return '';
}

/** Rows of cell text from every visible worksheet of an .xlsx file. Throws on a file exceljs cannot read. */
export async function xlsxToRows(buffer: ArrayBuffer | Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  // A copy as a plain ArrayBuffer (what exceljs' typings ask for; JSZip reads it directly).
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  await wb.xlsx.load(copy.buffer);
  const rows: string[][] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') return;
    const sheetRows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      const max = Math.max(row.cellCount, 0);
      for (let col = 1; col <= max; col++) {
        const cell = row.getCell(col);
        cells.push(cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value).replace(/\s+/g, (w) => (w.includes('\n') ? '\n' : ' ')).trim());
      }
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) sheetRows.push(cells);
    });
    if (sheetRows.length === 0) return;
    if (rows.length > 0) rows.push([]);
    rows.push(...sheetRows);
  });
  return rows;
}
