/**
 * parsePlan: document text → cleaned text → hierarchy of items (section / task / review)
 * with targets, deadlines and owners. Pure: no I/O, no framework imports. Never throws.
 *
 * Offsets: every item's `span` = [start, end) indexes the CLEANED text returned as
 * `cleaned` (see clean.ts); `cleaned.slice(start, end)` contains the item's numbering and
 * its own text (for table rows: the row, whose task cell fragments make up the text).
 */
import { cleanText, type CleanResult } from './clean';
import { headingPhase, isClosing, isFraming, openerPhase, titlePhase, type Phase } from './classify';
import { findDeadline, extractDeadline } from './deadlines';
import { emptyOwners, extractOwners, mergeOwners, ownersFromColumns } from './owners';
import type { PlanDeadline, PlanItem, PlanItemKind, PlanOwners, PlanParseResult, PlanTarget, UnitDirectoryEntry } from './schema';
import { segment, type SegNode } from './segment';
import type { CellRef } from './table';
import { extractTargets } from './targets';
import { detectYear, type YearSource } from './year';

export interface ParseOptions {
  /** Plan year; read from the document when omitted. */
  year?: number;
  /** Optional unit directory used to recognise owner units. */
  units?: UnitDirectoryEntry[];
}

export interface PlanParseOutput extends PlanParseResult {
  /** Where the year came from: the option, the document, or the current year as a last resort. */
  yearSource: 'option' | YearSource | 'default';
  /** Cleaned text; item spans index into it. */
  cleaned: string;
  /** Simplified form of `cleaned` (same length and offsets). */
  simplified: string;
  isTraditional: boolean;
  /** Raw-input offset of every cleaned character (length cleaned.length + 1). */
  originalOffsets: Int32Array;
  /** Set only if an unexpected internal error was caught (the result is then partial). */
  error?: string;
}

interface Ctx {
  c: string;
  s: string;
  year: number;
  units: UnitDirectoryEntry[] | undefined;
  out: PlanItem[];
  /** Deadline stated by a heading, per node (children look it up repeatedly). */
  headingDeadlines: Map<SegNode, PlanDeadline | null>;
  /** The year each visited node's wording is relative to (明年 headings shift their children). */
  nodeYear: Map<SegNode, number>;
}

const HEADING_MAX = 40;
const UNNUMBERED_HEADING_MAX = 20;

function ownRange(node: SegNode): Array<[number, number]> {
  if (node.table && node.source === 'table-row') {
    const taskCol = node.table.roles.indexOf('task');
    return (node.table.record.fragments[taskCol] ?? []).map((f) => [f.start, f.end] as [number, number]);
  }
  return [[node.textStart, node.textEnd]];
}

function joinRanges(str: string, ranges: Array<[number, number]>): string {
  return ranges.map(([a, b]) => str.slice(a, b)).join('\n');
}

/** Heading of an item: a short first sentence written inline, or the whole heading line. */
function headingOf(ctx: Ctx, node: SegNode): [number, number] | null {
  if (node.source === 'table-row') return null;
  const a = node.textStart;
  const b = node.textEnd;
  if (b <= a) return null;
  const own = ctx.s.slice(a, b);
  const trimEnd = (end: number) => {
    let e = end;
    while (e > a && /[：:。；，\s]/.test(ctx.s[e - 1] ?? '')) e--;
    return e;
  };
  if (node.source === 'heading' || node.source === 'table-category') return [a, trimEnd(b)];
  const idx = own.search(/[。！？；]/);
  if (idx >= 0) {
    const rest = own.slice(idx + 1).trim();
    const limit = node.unnumbered ? UNNUMBERED_HEADING_MAX : HEADING_MAX;
    const sentence = own.slice(0, idx);
    if (sentence.length >= 2 && sentence.length <= limit && (rest.length > 0 || node.children.length > 0)) {
      if (node.unnumbered && /[，,：:]/.test(sentence)) return null;
      return [a, a + idx];
    }
    return null;
  }
  if (!node.unnumbered && (node.container || node.children.length > 0) && own.length <= 50) return [a, trimEnd(b)];
  return null;
}

function tableCells(ctx: Ctx, node: SegNode, role: string): string[] {
  if (!node.table) return [];
  const out: string[] = [];
  node.table.roles.forEach((r, i) => {
    if (r === role) for (const f of node.table!.record.fragments[i] ?? []) out.push(ctx.c.slice(f.start, f.end));
  });
  return out;
}

function tableCellRefs(node: SegNode, role: string): CellRef[] {
  if (!node.table) return [];
  const out: CellRef[] = [];
  node.table.roles.forEach((r, i) => {
    if (r === role) out.push(...(node.table!.record.fragments[i] ?? []));
  });
  return out;
}

function targetsOf(ctx: Ctx, node: SegNode): PlanTarget[] {
  const ranges = [...ownRange(node), ...tableCellRefs(node, 'detail').map((f) => [f.start, f.end] as [number, number])];
  const out: PlanTarget[] = [];
  for (const [a, b] of ranges) if (b > a) out.push(...extractTargets(ctx.c.slice(a, b), ctx.s.slice(a, b)));
  return out;
}

function ownersOf(ctx: Ctx, node: SegNode): PlanOwners {
  let owners = emptyOwners();
  for (const [a, b] of ownRange(node)) {
    if (b > a) owners = mergeOwners(owners, extractOwners(ctx.c.slice(a, b), { simplified: ctx.s.slice(a, b), units: ctx.units }));
  }
  for (const [a, b] of node.ownerRanges) {
    owners = mergeOwners(owners, extractOwners(ctx.c.slice(a, b), { simplified: ctx.s.slice(a, b), units: ctx.units }));
  }
  if (node.table) {
    const roles = node.table.roles;
    owners = mergeOwners(
      ownersFromColumns(
        {
          leaders: tableCells(ctx, node, 'leader'),
          lead: tableCells(ctx, node, 'lead'),
          resp: tableCells(ctx, node, 'resp'),
          co: tableCells(ctx, node, 'co'),
        },
        roles.includes('lead'),
        ctx.units,
      ),
      owners,
    );
  }
  return owners;
}

function deadlineOf(ctx: Ctx, node: SegNode): PlanDeadline {
  const find = (a: number, b: number, year = ctx.year) => (b > a ? findDeadline(ctx.c.slice(a, b), year, ctx.s.slice(a, b)) : null);
  if (node.deadlineRange) {
    const d = find(node.deadlineRange[0], node.deadlineRange[1]);
    if (d) return d;
  }
  for (const cell of tableCellRefs(node, 'deadline')) {
    const d = find(cell.start, cell.end);
    if (d) return d;
  }
  for (const [a, b] of ownRange(node)) {
    const d = find(a, b);
    if (d) return d;
  }
  for (const cell of tableCellRefs(node, 'detail')) {
    const d = find(cell.start, cell.end);
    if (d) return d;
  }
  // A deadline stated by a heading above applies to the items under it.
  for (let p = node.parent; p !== null; p = p.parent) {
    let d = ctx.headingDeadlines.get(p);
    if (d === undefined) {
      const y = ctx.nodeYear.get(p) ?? ctx.year;
      d = (p.deadlineRange && find(p.deadlineRange[0], p.deadlineRange[1], y)) || find(p.textStart, p.textEnd, y);
      ctx.headingDeadlines.set(p, d);
    }
    if (d) return { ...d, inferred: true };
  }
  return extractDeadline('', ctx.year);
}

/** Children of a heading about 明年 (next year's work) count their deadlines from the next year. */
const NEXT_YEAR_HEADING = /明年|来年|下一年度?|下年度/;

function visitChildren(ctx: Ctx, nodes: SegNode[], parentId: string | null, level: number, inherited: 'review' | 'plan'): void {
  let numberedSeen = false;
  nodes.forEach((child, i) => {
    visit(ctx, child, parentId === null ? String(i + 1) : `${parentId}.${i + 1}`, parentId, level, inherited, !numberedSeen);
    if (child.numbering || !child.unnumbered) numberedSeen = true;
  });
}

function visit(ctx: Ctx, node: SegNode, id: string, parentId: string | null, level: number, inherited: 'review' | 'plan', beforeNumbered: boolean): void {
  const c = ctx.c;
  const s = ctx.s;
  ctx.nodeYear.set(node, ctx.year);
  const ranges = ownRange(node);
  const textS = joinRanges(s, ranges);
  const head = headingOf(ctx, node);
  const headS = head ? s.slice(head[0], head[1]) : '';

  let phase: Phase = null;
  if (head) phase = headingPhase(headS, ctx.year);
  if (phase === null && node.source === 'table-category') phase = headingPhase(textS, ctx.year);
  if (phase === null) {
    phase = openerPhase(textS, ctx.year);
    if (phase === null && head) phase = openerPhase(s.slice(head[1] + 1, node.textEnd).trimStart(), ctx.year);
  }
  let resolved: 'review' | 'plan' = phase ?? inherited;

  let targets: PlanTarget[] = [];
  if (resolved === 'plan') {
    targets = targetsOf(ctx, node);
    // Framing paragraphs (preambles, speech openings/closings) are context, not tasks.
    if (node.unnumbered && node.source === 'block' && targets.length === 0) {
      if (isClosing(textS) || (beforeNumbered && isFraming(textS))) resolved = 'review';
    }
  }
  const isReview = resolved === 'review';
  const kind: PlanItemKind = isReview ? 'review' : node.children.length > 0 ? 'section' : 'task';
  const numbering = node.numbering ? c.slice(node.numbering.start, node.numbering.end).trim() || null : null;
  ctx.out.push({
    id,
    parentId,
    level,
    kind,
    numbering,
    heading: head ? c.slice(head[0], head[1]).trim() || null : null,
    text: joinRanges(c, ranges).trim(),
    span: [node.spanStart, Math.max(node.spanStart, node.spanEnd)],
    deadline: kind === 'task' ? deadlineOf(ctx, node) : null,
    targets: isReview ? [] : targets,
    owners: isReview ? emptyOwners() : ownersOf(ctx, node),
  });
  if (node.children.length === 0) return;
  const nextYear = !isReview && head !== null && NEXT_YEAR_HEADING.test(headS) && !/今年|本年/.test(headS);
  if (nextYear) ctx.year += 1;
  visitChildren(ctx, node.children, id, level + 1, resolved);
  if (nextYear) ctx.year -= 1;
}

function validYear(y: unknown): y is number {
  return typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2200;
}

/**
 * Parse a plan document (plain text; .docx/.xlsx are converted to text first, see docx.ts/xlsx.ts).
 * Returns the title, the plan year, the items, and the cleaned/simplified text the spans index.
 */
export function parsePlan(input: string, opts: ParseOptions = {}): PlanParseOutput {
  const raw = typeof input === 'string' ? input : '';
  let cleaned: CleanResult;
  let cleanError: string | undefined;
  try {
    cleaned = cleanText(raw);
  } catch (err) {
    // Not expected; keep the raw text so the caller still gets a result.
    cleanError = err instanceof Error ? err.message : String(err);
    cleaned = { text: raw, simplified: raw, isTraditional: false, originalOffsets: Int32Array.from({ length: raw.length + 1 }, (_, i) => i) };
  }
  const c = cleaned.text;
  const s = cleaned.simplified;
  const base = {
    cleaned: c,
    simplified: s,
    isTraditional: cleaned.isTraditional,
    originalOffsets: cleaned.originalOffsets,
  };
  let year = validYear(opts.year) ? opts.year : new Date().getFullYear();
  let yearSource: PlanParseOutput['yearSource'] = validYear(opts.year) ? 'option' : 'default';
  try {
    const seg = segment(c, s);
    const titleS = seg.titleRange ? s.slice(seg.titleRange[0], seg.titleRange[1]) : '';
    if (!validYear(opts.year)) {
      const detected = detectYear(s, titleS, seg.contentLines);
      if (detected && validYear(detected.year)) {
        year = detected.year;
        yearSource = detected.source;
      }
    }
    const units = Array.isArray(opts.units)
      ? opts.units.filter((u) => u && typeof u.name === 'string' && typeof u.shortName === 'string')
      : undefined;
    const ctx: Ctx = { c, s, year, units, out: [], headingDeadlines: new Map(), nodeYear: new Map() };
    const docPhase = titlePhase(titleS);
    visitChildren(ctx, seg.roots, null, 1, docPhase);
    return { title: seg.title, year, items: ctx.out, yearSource, ...base, ...(cleanError ? { error: cleanError } : {}) };
  } catch (err) {
    return { title: '', year, items: [], yearSource, ...base, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The CLI/JSON contract: only title, year and items. */
export function toContract(r: PlanParseResult): PlanParseResult {
  return { title: r.title, year: r.year, items: r.items };
}
