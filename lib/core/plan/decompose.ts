// 分解: a paragraph that holds several commitments different units answer for (全年建设项目200个
// is 发改局's, 招商到位资金150亿元 is 招商局's) becomes a parent with one sub-task per subject.
// Pure: the caller stores the parts as child items.
import { findDeadline } from './deadlines';
import { proposeItem, SUGGESTED_SOURCES, type ImportDirectory, type Proposal } from './proposal';
import type { PlanItem } from './schema';
import { keywordScores, suggestOwners, type OwnerCorrection, type OwnerSuggestion, type SuggestionUnit } from './owner-suggestion';
import { extractTargets } from './targets';

export type DecomposedPart = {
  /** [start, end) offsets into the item's text. */
  start: number;
  end: number;
  text: string;
  suggestion: OwnerSuggestion;
};

const SENTENCE_END = /[。；;！？!?\n]/;

/** Sentences of the text as [start, end) offsets, each with its closing mark; blank ones dropped. */
export function sentencesOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.test(text[i]!)) {
      const end = Math.min(i + 1, text.length);
      if (text.slice(start, end).trim()) out.push([start, end]);
      start = end;
    }
  }
  return out;
}

/**
 * Parts of a multi-subject paragraph, or null when it has one subject. Every sentence that
 * carries a target or a deadline anchors a part; sentences without either go with the next anchor
 * (the context a target follows), trailing ones with the last. Each part gets its own owner
 * suggestion, except that a part still about the whole item's lead unit (its keywords score at
 * least 60% of the best) stays with it; neighbouring parts with the same lead (or none) are one
 * part. It takes two parts with two different leads to decompose.
 */
export function decomposeItem(
  text: string,
  year: number,
  units: SuggestionUnit[],
  corrections: readonly OwnerCorrection[] = [],
  itemLeadUnitId: string | null = null,
): DecomposedPart[] | null {
  const sentences = sentencesOf(text);
  const anchors = sentences.map(([a, b]) => {
    const s = text.slice(a, b);
    return extractTargets(s).length > 0 || findDeadline(s, year) !== null;
  });
  if (anchors.filter(Boolean).length < 2) return null;

  const groups: Array<[number, number]> = [];
  let pendingStart: number | null = null;
  sentences.forEach(([a, b], i) => {
    const start = pendingStart ?? a;
    if (anchors[i]) {
      groups.push([start, b]);
      pendingStart = null;
    } else pendingStart = start;
  });
  if (pendingStart !== null) groups[groups.length - 1]![1] = text.length;

  const parts: DecomposedPart[] = [];
  for (const [start, end] of groups) {
    const partText = text.slice(start, end).trim();
    // A part has no heading of its own: its words count as text only.
    let suggestion = suggestOwners({ title: '', text: partText }, units, corrections);
    if (itemLeadUnitId && suggestion.leadUnitId !== itemLeadUnitId && suggestion.source === 'keyword') {
      const scores = keywordScores('', partText, units);
      const own = scores.find((x) => x.unitId === itemLeadUnitId);
      if (own && own.score >= 0.6 * (scores[0]?.score ?? 0)) suggestion = { ...suggestion, leadUnitId: itemLeadUnitId, leadReason: own.reason, coUnits: [] };
    }
    const last = parts[parts.length - 1];
    if (last && (suggestion.leadUnitId === null || suggestion.leadUnitId === last.suggestion.leadUnitId)) {
      last.end = end;
      last.text = text.slice(last.start, end).trim();
      continue;
    }
    if (last && last.suggestion.leadUnitId === null) {
      // A first part without a subject belongs to the one that follows.
      parts.pop();
      parts.push({ start: last.start, end, text: text.slice(last.start, end).trim(), suggestion });
      continue;
    }
    parts.push({ start, end, text: partText, suggestion });
  }
  return new Set(parts.map((p) => p.suggestion.leadUnitId).filter(Boolean)).size >= 2 ? parts : null;
}

export type DecomposedItem = {
  /** The parent keeps the whole paragraph's proposal, marked as decomposed (so it can be merged back). */
  parent: Proposal;
  parts: { text: string; start: number; end: number; proposal: Proposal }[];
};

/**
 * The proposals of a task item decomposed into sub-tasks, or null when it stays one task: it has one
 * subject, or the document itself names its owners (then they answer for the whole paragraph).
 * Each part has its own targets, its own deadline (else the year end, or the heading's) and owners.
 */
export function decomposeProposal(
  item: PlanItem,
  proposal: Proposal,
  directory: ImportDirectory,
  year: number,
  /** The reviewer asked for it: decompose even a paragraph whose owners are named or chosen. */
  requested = false,
): DecomposedItem | null {
  if (item.kind !== 'task' || (!requested && proposal.leadUnitId && !SUGGESTED_SOURCES.has(proposal.leadUnitSource))) return null;
  const parts = decomposeItem(item.text, year, directory.units, directory.corrections, proposal.leadUnitId);
  if (!parts) return null;
  return {
    parent: { ...proposal, decomposed: true },
    parts: parts.map((part) => {
      const deadline = findDeadline(part.text, year);
      const partItem: PlanItem = {
        ...item,
        numbering: null,
        heading: null,
        text: part.text,
        // A deadline the paragraph states belongs to the part that states it; one from a heading covers all parts.
        deadline: deadline ?? (proposal.deadline.inferred ? proposal.deadline : { date: `${year}-12-31`, text: null, inferred: true }),
        targets: extractTargets(part.text),
        owners: { leaders: [], leadUnits: [], coUnits: [] },
      };
      return { text: part.text, start: part.start, end: part.end, proposal: proposeItem(partItem, directory, null, year, part.suggestion) };
    }),
  };
}
