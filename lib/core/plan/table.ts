/**
 * 任务分解表 (task breakdown tables) in plain text:
 *  - pipe tables            | 序号 | 重点任务 | 牵头单位 | 完成时限 |
 *  - tab-separated text     (also what `.xlsx` files are converted to, see xlsx.ts)
 *  - one cell per line      (header cells each on their own line, then the rows; what
 *                            mammoth's raw text gives for Word tables — an empty cell is an empty line)
 *
 * Columns are recognised by their header (序号 / 重点任务 / 牵头领导 / 牵头单位 / 责任单位 /
 * 配合单位 / 完成时限 …). A row whose 序号 is empty (a merged cell) continues the row above;
 * a row with only a non-numeric first cell (a merged group title) or a 类别 column starts a group.
 *
 * Works on line offsets of the cleaned text and the aligned simplified text.
 */
import { parseCnNumber } from './chars';

export type ColumnRole = 'seq' | 'category' | 'task' | 'detail' | 'leader' | 'lead' | 'resp' | 'co' | 'deadline' | 'other';

export interface LineRef {
  start: number;
  end: number;
}

/** A cell: trimmed [start, end) in the cleaned text (start === end for an empty cell). */
export interface CellRef {
  start: number;
  end: number;
}

export interface TableRecord {
  kind: 'row' | 'category';
  /** Span in the cleaned text covering the row (and its continuation rows). */
  start: number;
  end: number;
  /** Non-empty cell fragments per column (continuation rows add fragments). */
  fragments: CellRef[][];
}

export interface TableBlock {
  /** Index of the first and one past the last line the table occupies. */
  firstLine: number;
  endLine: number;
  roles: ColumnRole[];
  records: TableRecord[];
}

const ROLE_PATTERNS: Array<[ColumnRole, RegExp]> = [
  ['seq', /^(?:序号|编号|序|No\.?|#)$/i],
  ['category', /^(?:类别|分类|领域|板块|类型|工作类别|任务类别|项目类别|重点领域|专项|工作板块|所属领域)$/],
  ['leader', /^(?:牵头县级领导|县级牵头领导|县级包抓领导|牵头领导|责任领导|分管领导|包抓领导|包联领导|联系领导|县级领导|责任人|领导)(?:[（(].{0,10}[）)])?$/],
  ['lead', /^(?:牵头单位|牵头部门|主责单位|主责部门|牵头责任单位)(?:[（(].{0,10}[）)])?$/],
  ['resp', /^(?:责任单位|责任部门|实施单位|承办单位|责任主体)(?:[（(].{0,10}[）)])?$/],
  ['co', /^(?:配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|配合责任单位)(?:[（(].{0,10}[）)])?$/],
  ['deadline', /^(?:完成时限|时限|完成时间|时间节点|时间安排|完成期限|时限要求|进度安排|计划完成时间|时间)$/],
  ['task', /^(?:重点任务|任务|工作任务|具体任务|主要任务|任务内容|工作内容|重点工作|工作事项|事项|项目名称|项目|任务名称|目标任务|重点工作任务|工作项目|重点事项|任务事项|重点项目|工作要点)(?:[（(].{0,10}[）)])?$/],
  ['detail', /^(?:工作目标|目标|目标要求|具体措施|工作措施|主要措施|推进措施|建设内容|年度目标|预期目标|具体目标|任务目标|主要内容|具体内容|工作举措|建设规模及内容|工作标准|完成标准)(?:[（(].{0,10}[）)])?$/],
];

/** Role of a header cell text (simplified), or null when it is not a known header. */
export function headerRole(text: string): ColumnRole | null {
  const t = text.replace(/[\s*＊]/g, '');
  if (t.length === 0 || t.length > 16) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

function rolesOf(cells: string[]): ColumnRole[] | null {
  const roles = cells.map((c) => headerRole(c) ?? 'other');
  const known = roles.filter((r) => r !== 'other').length;
  if (!roles.includes('task') || known < 2) return null;
  // A header row is mostly headers.
  if (known * 2 < cells.filter((c) => c.trim().length > 0).length) return null;
  return roles;
}

function trimCell(c: string, a: number, b: number): CellRef {
  let x = a;
  let y = b;
  while (x < y && /\s/.test(c[x] ?? '')) x++;
  while (y > x && /\s/.test(c[y - 1] ?? '')) y--;
  return { start: x, end: y };
}

/** Cells of a delimited line: positions of the separator-delimited pieces. */
function splitLine(c: string, line: LineRef, sep: '\t' | '|'): CellRef[] {
  let a = line.start;
  let b = line.end;
  if (sep === '|') {
    while (a < b && /\s/.test(c[a] ?? '')) a++;
    while (b > a && /\s/.test(c[b - 1] ?? '')) b--;
    if (c[a] === '|') a++;
    if (b > a && c[b - 1] === '|') b--;
  }
  const cells: CellRef[] = [];
  let start = a;
  for (let i = a; i <= b; i++) {
    if (i === b || c[i] === sep) {
      cells.push(trimCell(c, start, i));
      start = i + 1;
    }
  }
  return cells;
}

function isSeqValue(s: string): boolean {
  const t = s.trim().replace(/[.、．]$/, '');
  return /^\d{1,4}$/.test(t) || (/^[一二三四五六七八九十]{1,3}$/.test(t) && parseCnNumber(t) !== null);
}

/** Turn raw rows (cells per column) into records, merging continuation rows. */
export function buildRecords(s: string, roles: ColumnRole[], rows: Array<{ start: number; end: number; cells: CellRef[] }>): TableRecord[] {
  const seqCol = roles.indexOf('seq');
  const taskCol = roles.indexOf('task');
  const catCol = roles.indexOf('category');
  const records: TableRecord[] = [];
  let lastRow: TableRecord | null = null;
  let currentCategory = '';
  const text = (r: CellRef | undefined) => (r ? s.slice(r.start, r.end) : '');
  for (const row of rows) {
    const cells = roles.map((_, i) => row.cells[i] ?? { start: row.end, end: row.end });
    const nonEmpty = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell.end > cell.start);
    // Cells beyond the header width are appended to the last column.
    for (let i = roles.length; i < row.cells.length; i++) {
      const extra = row.cells[i];
      if (extra && extra.end > extra.start) nonEmpty.push({ cell: extra, i: roles.length - 1 });
    }
    if (nonEmpty.length === 0) continue;
    // Group title row: one non-empty cell, not a number, not the task column alone after a row.
    if (nonEmpty.length === 1) {
      const only = nonEmpty[0]!;
      const t = text(only.cell);
      const isSeqCol = only.i === seqCol || only.i === catCol || (seqCol < 0 && only.i === 0 && only.i !== taskCol);
      if (isSeqCol && !isSeqValue(t)) {
        records.push({ kind: 'category', start: row.start, end: row.end, fragments: roles.map((_, i) => (i === only.i ? [only.cell] : [])) });
        lastRow = null;
        currentCategory = t;
        continue;
      }
    }
    if (catCol >= 0) {
      const cat = text(cells[catCol]);
      if (cat !== '' && cat !== currentCategory) {
        const catCell = cells[catCol] as CellRef;
        records.push({ kind: 'category', start: catCell.start, end: catCell.end, fragments: roles.map((_, i) => (i === catCol ? [catCell] : [])) });
        currentCategory = cat;
        lastRow = null;
      }
    }
    const seqEmpty = seqCol >= 0 ? text(cells[seqCol]).trim() === '' : text(cells[taskCol]).trim() === '';
    if (seqEmpty && lastRow !== null) {
      for (const { cell, i } of nonEmpty) {
        if (i === catCol) continue;
        lastRow.fragments[i]!.push(cell);
      }
      lastRow.end = Math.max(lastRow.end, row.end);
      continue;
    }
    const rec: TableRecord = { kind: 'row', start: row.start, end: row.end, fragments: roles.map(() => []) };
    for (const { cell, i } of nonEmpty) if (i !== catCol) rec.fragments[i]!.push(cell);
    records.push(rec);
    lastRow = rec;
  }
  return records;
}

function isBlank(c: string, l: LineRef): boolean {
  return c.slice(l.start, l.end).trim().length === 0;
}

/* Pipe and tab tables ----------------------------------------------- */

function delimitedTables(c: string, s: string, lines: LineRef[], used: Uint8Array, out: TableBlock[]): void {
  for (const sep of ['|', '\t'] as const) {
    const isTableLine = (l: LineRef) => {
      const t = c.slice(l.start, l.end);
      return sep === '|' ? /^\s*\|.*\|/.test(t) : t.includes('\t');
    };
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (used[i] || !isTableLine(line)) {
        i++;
        continue;
      }
      const cells = splitLine(s, line, sep);
      const roles = rolesOf(cells.map((x) => s.slice(x.start, x.end)));
      if (roles === null) {
        i++;
        continue;
      }
      let j = i + 1;
      const rows: Array<{ start: number; end: number; cells: CellRef[] }> = [];
      while (j < lines.length) {
        const l = lines[j]!;
        if (used[j]) break;
        if (isBlank(c, l)) {
          // A blank line inside a tab table is tolerated when the table goes on after it.
          let k = j + 1;
          while (k < lines.length && isBlank(c, lines[k]!)) k++;
          if (sep === '\t' && k < lines.length && !used[k] && isTableLine(lines[k]!)) {
            j = k;
            continue;
          }
          break;
        }
        if (!isTableLine(l)) {
          // A group title row written without tabs ("一、经济发展") inside a tab table.
          const next = lines[j + 1];
          const t = c.slice(l.start, l.end).trim();
          if (sep === '\t' && t.length <= 40 && next && !used[j + 1] && isTableLine(next)) {
            rows.push({ start: l.start, end: l.end, cells: [trimCell(c, l.start, l.end)] });
            j++;
            continue;
          }
          break;
        }
        const t = c.slice(l.start, l.end);
        if (sep === '|' && /^\s*\|?[\s:\-|]+\|?\s*$/.test(t)) {
          j++;
          continue;
        }
        const rowCells = splitLine(c, l, sep);
        // A second header row (repeated on a new page) is skipped.
        if (rolesOf(rowCells.map((x) => s.slice(x.start, x.end))) === null) {
          rows.push({ start: l.start, end: l.end, cells: rowCells });
        }
        j++;
      }
      for (let k = i; k < j; k++) used[k] = 1;
      out.push({ firstLine: i, endLine: j, roles, records: buildRecords(s, roles, rows) });
      i = j;
    }
  }
}

/* One cell per line ------------------------------------------------- */

const TABLE_END = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}(?:部分|章)|附件|备注|注[：:])/;

function cellPerLineTables(c: string, s: string, lines: LineRef[], used: Uint8Array, out: TableBlock[]): void {
  let i = 0;
  while (i < lines.length) {
    if (used[i] || isBlank(c, lines[i]!) || headerRole(s.slice(lines[i]!.start, lines[i]!.end)) === null) {
      i++;
      continue;
    }
    // Collect consecutive header cells (blank lines between them allowed, consistently).
    const headerLines: number[] = [i];
    const gaps: number[] = [];
    let j = i + 1;
    while (headerLines.length < 16) {
      let k = j;
      while (k < lines.length && isBlank(c, lines[k]!)) k++;
      if (k >= lines.length || used[k] || k - j > 2) break;
      const t = s.slice(lines[k]!.start, lines[k]!.end);
      if (headerRole(t) === null) break;
      gaps.push(k - j);
      headerLines.push(k);
      j = k + 1;
    }
    const roles = headerLines.map((h) => headerRole(s.slice(lines[h]!.start, lines[h]!.end)) as ColumnRole);
    if (headerLines.length < 3 || !roles.includes('task') || new Set(roles).size !== roles.length) {
      i++;
      continue;
    }
    const gap = gaps.length > 0 ? Math.min(...gaps) : 0;
    // Body cells, with empty cells inferred from extra blank lines.
    const cells: Array<{ cell: CellRef; line: number }> = [];
    let k = j;
    let blanks = 0;
    let endLine = j;
    const maxCells = roles.length * 5000;
    for (; k < lines.length && cells.length < maxCells; k++) {
      const l = lines[k]!;
      if (used[k]) break;
      if (isBlank(c, l)) {
        blanks++;
        continue;
      }
      const t = s.slice(l.start, l.end);
      if (TABLE_END.test(t)) break;
      if (blanks > 0 || cells.length > 0) {
        const empties = Math.max(0, Math.floor((blanks - gap) / (gap + 1)));
        for (let e = 0; e < empties && cells.length > 0; e++) cells.push({ cell: { start: l.start, end: l.start }, line: k });
      }
      blanks = 0;
      cells.push({ cell: trimCell(c, l.start, l.end), line: k });
      endLine = k + 1;
    }
    const ncols = roles.length;
    const seqCol = roles.indexOf('seq');
    const rows: Array<{ start: number; end: number; cells: CellRef[] }> = [];
    let consumedCells = 0;
    const chunkOk = (chunk: Array<{ cell: CellRef }>) => {
      if (seqCol < 0) return true;
      const seq = s.slice(chunk[seqCol]!.cell.start, chunk[seqCol]!.cell.end).trim();
      return seq === '' || isSeqValue(seq);
    };
    // Mode A: fixed-width chunks (faithful empty cells, e.g. from Word).
    let modeA = true;
    for (let p = 0; p + ncols <= cells.length; p += ncols) {
      const chunk = cells.slice(p, p + ncols);
      if (!chunkOk(chunk)) break;
      rows.push({ start: lineStart(lines, chunk[0]!.line, chunk[0]!.cell), end: lines[chunk[ncols - 1]!.line]!.end, cells: chunk.map((x) => x.cell) });
      consumedCells = p + ncols;
    }
    if (seqCol >= 0 && rows.length > 0) {
      // Mode A is only trusted if every row has a number or a continuation.
      modeA = rows.every((r) => {
        const t = s.slice(r.cells[seqCol]!.start, r.cells[seqCol]!.end).trim();
        return t === '' || isSeqValue(t);
      });
    }
    // Mode B: rows start at 序号 numbers (cells without faithful empties).
    if (seqCol === 0 && (!modeA || consumedCells < cells.length)) {
      const rowsB: Array<{ start: number; end: number; cells: CellRef[] }> = [];
      let cur: Array<{ cell: CellRef; line: number }> | null = null;
      let consumedB = 0;
      let expected = 1;
      for (let p = 0; p < cells.length; p++) {
        const x = cells[p]!;
        const t = s.slice(x.cell.start, x.cell.end).trim();
        if (t === '' ) {
          if (cur) cur.push(x);
          continue;
        }
        if (isSeqValue(t) && (cur === null || Number(t.replace(/[.、．]$/, '')) === expected || cur.length >= 2)) {
          if (cur) rowsB.push(toRow(lines, cur));
          cur = [x];
          expected = (Number(t.replace(/[.、．]$/, '')) || expected) + 1;
          consumedB = p + 1;
          continue;
        }
        if (cur === null || cur.length >= ncols) break;
        cur.push(x);
        consumedB = p + 1;
      }
      if (cur) rowsB.push(toRow(lines, cur));
      if (consumedB > consumedCells) {
        rows.length = 0;
        rows.push(...rowsB);
        consumedCells = consumedB;
      }
    }
    if (rows.length === 0) {
      i++;
      continue;
    }
    const lastCell = cells[consumedCells - 1];
    endLine = lastCell ? lastCell.line + 1 : j;
    for (let x = i; x < endLine; x++) used[x] = 1;
    out.push({ firstLine: i, endLine, roles, records: buildRecords(s, roles, rows) });
    i = endLine;
  }
}

function lineStart(lines: LineRef[], line: number, cell: CellRef): number {
  return Math.min(lines[line]!.start, cell.start);
}

function toRow(lines: LineRef[], cur: Array<{ cell: CellRef; line: number }>): { start: number; end: number; cells: CellRef[] } {
  const first = cur[0]!;
  const last = cur[cur.length - 1]!;
  return { start: lineStart(lines, first.line, first.cell), end: lines[last.line]!.end, cells: cur.map((x) => x.cell) };
}

/**
 * All tables in the document. `c` is the cleaned text, `s` the aligned simplified text,
 * `lines` the line ranges of `c`. Returns table blocks sorted by position.
 */
export function detectTables(c: string, s: string, lines: LineRef[]): TableBlock[] {
  const used = new Uint8Array(lines.length);
  const out: TableBlock[] = [];
  delimitedTables(c, s, lines, used, out);
  cellPerLineTables(c, s, lines, used, out);
  return out.sort((a, b) => a.firstLine - b.firstLine);
}

/** Text of rows (e.g. from a spreadsheet) as tab-separated lines. */
export function rowsToText(rows: string[][]): string {
  return rows
    .map((r) => r.map((cell) => String(cell ?? '').replace(/[\t\r\n]+/g, ' ').trim()).join('\t').replace(/\t+$/, ''))
    .join('\n');
}
