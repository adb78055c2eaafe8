// The import review screen's view of the cleaned document: item spans as nested marks, and the
// sentence boundaries an item can be split at. Pure.
import { isSentenceEnd } from './chars';

export type DocumentNode = { kind: 'text'; text: string } | { kind: 'mark'; id: string; children: DocumentNode[] };
export type ItemSpan = { id: string; start: number; end: number };

/**
 * The text cut into plain runs and item marks. Spans nest like the item tree; a span that
 * overlaps an earlier sibling or runs past its parent is clipped so the marks stay well formed,
 * and an empty span still gets a (possibly empty) mark so it can be scrolled to.
 */
export function documentMarks(text: string, spans: ItemSpan[]): DocumentNode[] {
  const clamp = (n: number) => Math.min(Math.max(0, n), text.length);
  const sorted = spans
    .map((s) => ({ id: s.id, start: clamp(s.start), end: clamp(Math.max(s.start, s.end)) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return build(text, 0, text.length, sorted);
}

function build(text: string, from: number, to: number, spans: ItemSpan[]): DocumentNode[] {
  const nodes: DocumentNode[] = [];
  let at = from;
  let i = 0;
  while (i < spans.length) {
    const span = spans[i]!;
    const start = Math.min(Math.max(span.start, at), to);
    const end = Math.min(Math.max(span.end, start), to);
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) j++;
    if (start > at) nodes.push({ kind: 'text', text: text.slice(at, start) });
    nodes.push({ kind: 'mark', id: span.id, children: build(text, start, end, spans.slice(i + 1, j)) });
    at = end;
    i = j;
  }
  if (at < to) nodes.push({ kind: 'text', text: text.slice(at, to) });
  return nodes;
}

export type SplitPoint = { at: number; label: string };

const LABEL_CHARS = 16;

/**
 * Offsets after each sentence end (。！？；) where the text can be split into two non-empty
 * parts, labelled with the start of the second part.
 */
export function splitPoints(text: string): SplitPoint[] {
  const points: SplitPoint[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (!isSentenceEnd(text[i])) continue;
    const rest = text.slice(i + 1).trim();
    if (!rest || !text.slice(0, i + 1).trim()) continue;
    const head = rest.slice(0, LABEL_CHARS);
    points.push({ at: i + 1, label: `「${head}${rest.length > LABEL_CHARS ? '…' : ''}」之前` });
  }
  return points;
}
