/**
 * Segmentation of a cleaned plan document into a tree of items.
 *
 * - Every line is a paragraph block (documents flattened to one line were already split
 *   before top-level numbering by the cleaner).
 * - A block's leading numbering token gives its style (`一、` `（一）` `1.` `（1）` `①` `一是`
 *   `一要` `亮点一：` `第一，` …). Nesting follows the order styles appear in the document:
 *   a style already open closes everything below it (its new item is a sibling), a new style
 *   nests under the current item, and a conventionally more major style (`二、` after `（三）`)
 *   closes more minor ones.
 * - Short unnumbered lines without sentence punctuation are headings (`2024年工作展望`);
 *   headings that name a review/plan part close everything open.
 * - Unnumbered paragraphs belong to the nearest open heading.
 * - Inline enumerations (`……。一是……。二是……`) become children of their paragraph.
 * - `牵头单位：…` / `完成时限：…` lines attach to the item before them.
 * - Tables (see table.ts) become one item per row, grouped by their group rows.
 *
 * All offsets are into the cleaned text `c`; `s` is the aligned simplified text.
 */
import { trimRange } from './chars';
import { DOC_TYPE_WORDS, headingPhase, isClosing } from './classify';
import { findInlineChain, matchBlockNumbering, styleRank, type NumberingMatch } from './numbering';
import { startsWithOwnerLabel } from './owners';
import { detectTables, type ColumnRole, type LineRef, type TableBlock, type TableRecord } from './table';
import { DATE_LINE } from './year';

export interface SegNode {
  source: 'block' | 'heading' | 'inline' | 'table-row' | 'table-category';
  style: string | null;
  numbering: NumberingMatch | null;
  /** Own text range (trimmed). */
  textStart: number;
  textEnd: number;
  /** Span start (the numbering token when there is one). */
  spanStart: number;
  spanEnd: number;
  /** Heading line: a line that only names a part (can hold unnumbered paragraphs). */
  container: boolean;
  unnumbered: boolean;
  parent: SegNode | null;
  children: SegNode[];
  /** Attached `牵头单位：` lines and `完成时限：` line. */
  ownerRanges: Array<[number, number]>;
  deadlineRange: [number, number] | null;
  table: { record: TableRecord; roles: ColumnRole[] } | null;
}

export interface Segmentation {
  title: string;
  titleRange: [number, number] | null;
  roots: SegNode[];
  /** Trimmed non-empty lines (simplified), for year detection. */
  contentLines: string[];
}

const DEADLINE_LINE = /^[（(]?(?:完成时限|时限要求|时限|完成时间|时间节点|完成期限)[：:]/;
const META_LINE =
  /^(?:发布时间|发布日期|发文日期|日期|时间|来源|作者|字号|浏览次数|阅读次数|点击数|责任编辑|编辑|审核|信息来源|文章来源)[：:]/;
const SUBTITLE_LINE = /^(?:——|—|--)|^[（(](?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[^（）()]{0,30}(?:通过|会议|讲话|发言)[^（）()]{0,10})[）)]$/;
const SIGNATURE_LINE = /(?:人民政府|政府|办公室|办公厅|委员会|领导小组|指挥部|工作组|局|委|办|部|中心|党委|党组|支部)$/;
const AUTHOR_LINE = /^[\u4e00-\u9fff]{0,12}(?:书记|县长|区长|市长|镇长|主任|局长|部长|主席|代县长)[\u4e00-\u9fff]{2,3}$/;

function lineRanges(c: string): LineRef[] {
  const lines: LineRef[] = [];
  let start = 0;
  while (start <= c.length) {
    let end = c.indexOf('\n', start);
    if (end < 0) end = c.length;
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

function trimmed(c: string, l: LineRef): [number, number] {
  let a = l.start;
  let b = l.end;
  while (a < b && /\s/.test(c[a] ?? '')) a++;
  while (b > a && /\s/.test(c[b - 1] ?? '')) b--;
  return [a, b];
}

function hasSentencePunct(t: string): boolean {
  return /[。！？；]/.test(t);
}

function newNode(partial: Partial<SegNode> & Pick<SegNode, 'source' | 'textStart' | 'textEnd' | 'spanStart' | 'spanEnd'>): SegNode {
  return {
    style: null,
    numbering: null,
    container: false,
    unnumbered: false,
    parent: null,
    children: [],
    ownerRanges: [],
    deadlineRange: null,
    table: null,
    ...partial,
  };
}

/** Split inline enumerations out of a node's own text (recursively, a few levels). */
function splitInline(c: string, s: string, node: SegNode, depth: number): void {
  if (depth > 3 || node.textEnd - node.textStart < 8) return;
  const chain = findInlineChain(s, node.textStart, node.textEnd);
  if (chain === null) return;
  const blockEnd = node.textEnd;
  const [ps, pe] = trimRange(c, node.textStart, chain[0]!.start);
  node.textStart = ps;
  node.textEnd = pe;
  node.spanEnd = Math.max(pe, node.numbering ? node.numbering.end : ps);
  const kids: SegNode[] = [];
  chain.forEach((mk, i) => {
    const end = i + 1 < chain.length ? chain[i + 1]!.start : blockEnd;
    const [ts, te] = trimRange(c, mk.end, end);
    const child = newNode({
      source: 'inline',
      style: mk.style,
      numbering: mk,
      textStart: ts,
      textEnd: te,
      spanStart: mk.start,
      spanEnd: Math.max(te, mk.end),
      parent: node,
    });
    kids.push(child);
    splitInline(c, s, child, depth + 1);
  });
  node.children.unshift(...kids);
}

function isTitleCandidate(t: string, hasMore: boolean): boolean {
  if (!hasMore || t.length < 2 || t.length > 60) return false;
  if (hasSentencePunct(t) || /[，,：:]$/.test(t)) return false;
  if (!/[\u4e00-\u9fff]/.test(t)) return false;
  if (matchBlockNumbering(t, 0) !== null || startsWithOwnerLabel(t)) return false;
  // A review part heading (2023年工作回顾) is not the title unless it names the document type.
  if (headingPhase(t, 0) === 'review' && !DOC_TYPE_WORDS.test(t)) return false;
  return true;
}

export function segment(c: string, s: string): Segmentation {
  const lines = lineRanges(c);
  const tables = detectTables(c, s, lines);
  const tableAt = new Map<number, TableBlock>();
  const inTable = new Uint8Array(lines.length);
  for (const t of tables) {
    tableAt.set(t.firstLine, t);
    for (let i = t.firstLine; i < t.endLine; i++) inTable[i] = 1;
  }
  const contentLines: string[] = [];
  const content: number[] = [];
  lines.forEach((l, i) => {
    const [a, b] = trimmed(c, l);
    if (b > a) {
      contentLines.push(s.slice(a, b));
      content.push(i);
    }
  });

  // Title: first content line that looks like one (date/meta lines before it are skipped).
  let title = '';
  let titleRange: [number, number] | null = null;
  let titleLine = -1;
  for (let k = 0; k < content.length && k < 4; k++) {
    const i = content[k]!;
    if (inTable[i]) break;
    const [a, b] = trimmed(c, lines[i]!);
    const t = s.slice(a, b);
    if (DATE_LINE.test(t) || META_LINE.test(t)) continue;
    if (isTitleCandidate(t, k + 1 < content.length)) {
      title = c.slice(a, b);
      titleRange = [a, b];
      titleLine = i;
    }
    break;
  }
  const titleS = titleRange ? s.slice(titleRange[0], titleRange[1]) : '';

  // The last line that can be content (trailing date/meta lines are not).
  let lastContent = -1;
  for (let k = content.length - 1; k >= 0; k--) {
    const t = contentLines[k]!;
    if (!DATE_LINE.test(t) && !META_LINE.test(t)) {
      lastContent = content[k]!;
      break;
    }
  }
  const roots: SegNode[] = [];
  const stack: SegNode[] = [];
  let lastBlock: SegNode | null = null;
  let afterTitle = titleLine >= 0;

  const attach = (node: SegNode, parent: SegNode | null) => {
    node.parent = parent;
    if (parent) parent.children.push(node);
    else roots.push(node);
  };
  const nearestContainer = (): SegNode | null => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.container) return stack[k]!;
    return null;
  };
  const placeStyled = (node: SegNode, style: string, rank: number | null) => {
    let idx = -1;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.style === style) {
        idx = k;
        break;
      }
    }
    if (idx >= 0) stack.length = idx;
    else if (rank !== null) {
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const tr = top.style === 'H' ? 1 : styleRank(top.style ?? '');
        if (style === 'H' ? top.style !== 'H' : tr !== null && tr > rank) stack.pop();
        else break;
      }
    }
    attach(node, stack[stack.length - 1] ?? null);
    stack.push(node);
  };

  for (let i = 0; i < lines.length; i++) {
    const table = tableAt.get(i);
    if (table) {
      placeTable(c, s, table, nearestContainer(), attach);
      i = table.endLine - 1;
      lastBlock = null;
      continue;
    }
    if (inTable[i] || i === titleLine) continue;
    const [start, b] = trimmed(c, lines[i]!);
    let a = start;
    if (b <= a) continue;
    let t = s.slice(a, b);
    if (DATE_LINE.test(t) || META_LINE.test(t)) continue;
    if (afterTitle && (SUBTITLE_LINE.test(t) || AUTHOR_LINE.test(t))) continue;
    afterTitle = false;
    // Owner and deadline lines attach to the item above.
    if (startsWithOwnerLabel(t)) {
      if (lastBlock) {
        lastBlock.ownerRanges.push([a, b]);
        // "牵头单位：县发改局  完成时限：6月底前" on one line.
        const dl = /(?:完成时限|时限要求|时限|完成时间|时间节点|完成期限)[：:]/.exec(t);
        if (dl) lastBlock.deadlineRange = [a + dl.index, b];
      }
      continue;
    }
    if (DEADLINE_LINE.test(t)) {
      if (lastBlock) lastBlock.deadlineRange = [a, b];
      continue;
    }
    // A copy of the title at the start of the body ("…讲话 同志们：").
    if (titleS.length >= 6 && t.startsWith(titleS) && t.length > titleS.length + 2) {
      a += titleS.length;
      while (a < b && /[\s：:，,]/.test(c[a] ?? '')) a++;
      t = s.slice(a, b);
    }
    const num = matchBlockNumbering(s, a);
    const hasNext = i < lastContent;
    if (num) {
      let ts = num.end;
      while (ts < b && /\s/.test(c[ts] ?? '')) ts++;
      const own = s.slice(ts, b);
      const node = newNode({
        source: 'block',
        style: num.style,
        numbering: num,
        textStart: ts,
        textEnd: b,
        spanStart: a,
        spanEnd: b,
      });
      node.container = own.length <= 50 && !hasSentencePunct(own.slice(0, -1)) && findInlineChain(s, ts, b) === null;
      placeStyled(node, num.style, styleRank(num.style));
      splitInline(c, s, node, 0);
      lastBlock = node;
      continue;
    }
    // Unnumbered heading line.
    if (
      hasNext &&
      t.length >= 2 &&
      t.length <= 30 &&
      !hasSentencePunct(t) &&
      !/[，,]/.test(t) &&
      !/、$/.test(t) &&
      /[\u4e00-\u9fff]/.test(t) &&
      !isClosing(t)
    ) {
      // A part heading (2024年工作展望) closes everything open; a keyword heading inside numbered
      // structure without a year (主要目标 under 一、) is just a sub-heading.
      const outsideNumbered = stack.every((n) => n.style === 'H' || n.style === 'h');
      const part =
        /^附件/.test(t) ||
        (headingPhase(t, 0) !== null && (/(?:19|20)\d{2}年|^(?:上半年|下半年|明年|今年|一年来|过去一年)/.test(t) || outsideNumbered));
      const node = newNode({
        source: 'heading',
        style: part ? 'H' : 'h',
        textStart: a,
        textEnd: b,
        spanStart: a,
        spanEnd: b,
        container: true,
        unnumbered: true,
      });
      placeStyled(node, node.style as string, part ? 1 : null);
      lastBlock = node;
      continue;
    }
    // The issuing office signing the document at its end is not an item.
    if (!hasNext && t.length <= 30 && !hasSentencePunct(t) && SIGNATURE_LINE.test(t) && stack.length + roots.length > 0) continue;
    // Unnumbered paragraph.
    const node = newNode({ source: 'block', textStart: a, textEnd: b, spanStart: a, spanEnd: b, unnumbered: true });
    attach(node, isClosing(t) ? null : nearestContainer());
    splitInline(c, s, node, 0);
    lastBlock = node;
  }
  sortTree(roots);
  return { title, titleRange, roots, contentLines };
}

function placeTable(
  c: string,
  s: string,
  table: TableBlock,
  parent: SegNode | null,
  attach: (n: SegNode, p: SegNode | null) => void,
): void {
  let group: SegNode | null = null;
  const seqCol = table.roles.indexOf('seq');
  const taskCol = table.roles.indexOf('task');
  for (const rec of table.records) {
    if (rec.kind === 'category') {
      const cell = rec.fragments.flat()[0];
      if (!cell) continue;
      group = newNode({
        source: 'table-category',
        textStart: cell.start,
        textEnd: cell.end,
        spanStart: cell.start,
        spanEnd: cell.end,
        table: { record: rec, roles: table.roles },
        container: true,
      });
      // Leading numbering of a group title ("一、经济发展") is kept as its numbering.
      const num = matchBlockNumbering(s, cell.start);
      if (num) {
        group.numbering = num;
        let ts = num.end;
        while (ts < cell.end && /\s/.test(c[ts] ?? '')) ts++;
        group.textStart = ts;
      }
      attach(group, parent);
      continue;
    }
    const taskCells = rec.fragments[taskCol] ?? [];
    const first = taskCells[0];
    const seqCell = seqCol >= 0 ? rec.fragments[seqCol]?.[0] : undefined;
    const node = newNode({
      source: 'table-row',
      style: 'table-row',
      textStart: first ? first.start : rec.start,
      textEnd: first ? taskCells[taskCells.length - 1]!.end : rec.start,
      spanStart: rec.start,
      spanEnd: rec.end,
      table: { record: rec, roles: table.roles },
    });
    if (seqCell) node.numbering = { style: 'table-row', value: 0, start: seqCell.start, end: seqCell.end };
    attach(node, group ?? parent);
  }
}

function sortTree(nodes: SegNode[]): void {
  nodes.sort((x, y) => x.spanStart - y.spanStart);
  for (const n of nodes) sortTree(n.children);
}
