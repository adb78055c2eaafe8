// Reviewer edits of the proposed tree: splitting one item in two and merging two into one.
// Pure: the caller stores the results.
import { extractDeadline } from './deadlines';
import { extractTargets } from './targets';
import { proposalTitle, type Proposal } from './proposal';

export type DraftItem = { text: string; spanStart: number; spanEnd: number; numbering: string | null; heading: string | null; proposal: Proposal };

function targetsOf(text: string): Proposal['targets'] {
  return extractTargets(text).map((t) => ({ metric: t.text, comparator: t.comparator, value: t.value, valueMax: t.valueMax, unit: t.unit, placeholder: t.placeholder }));
}

/** Splits at `at` characters into the text; each half gets its own targets, deadline and title. */
export function splitDraftItem(item: DraftItem, at: number, year: number): [DraftItem, DraftItem] | null {
  if (at <= 0 || at >= item.text.length) return null;
  const parts = [item.text.slice(0, at).trim(), item.text.slice(at).trim()] as const;
  if (!parts[0] || !parts[1]) return null;
  const half = (text: string, spanStart: number, spanEnd: number, numbering: string | null, heading: string | null): DraftItem => {
    const deadline = extractDeadline(text, year);
    return {
      text,
      spanStart,
      spanEnd,
      numbering,
      heading,
      proposal: {
        ...item.proposal,
        title: proposalTitle({ heading, text, numbering }),
        targets: targetsOf(text),
        // Keep the reviewed deadline unless this half states its own.
        deadline: deadline.inferred ? item.proposal.deadline : deadline,
      },
    };
  };
  const cut = Math.min(item.spanStart + at, item.spanEnd);
  return [half(parts[0], item.spanStart, cut, item.numbering, item.heading), half(parts[1], cut, item.spanEnd, null, null)];
}

/** Merges `second` into `first`: texts joined, targets and owners united, the later deadline kept. */
export function mergeDraftItems(first: DraftItem, second: DraftItem): DraftItem {
  const a = first.proposal;
  const b = second.proposal;
  const unique = (ids: string[]) => [...new Set(ids)];
  const leadUnitId = a.leadUnitId ?? b.leadUnitId;
  return {
    text: `${first.text}${second.text}`,
    spanStart: Math.min(first.spanStart, second.spanStart),
    spanEnd: Math.max(first.spanEnd, second.spanEnd),
    numbering: first.numbering,
    heading: first.heading,
    proposal: {
      title: a.title,
      deadline: b.deadline.date > a.deadline.date && !b.deadline.inferred ? b.deadline : a.deadline,
      targets: [...a.targets, ...b.targets],
      ownerWords: {
        leaders: unique([...a.ownerWords.leaders, ...b.ownerWords.leaders]),
        leadUnits: unique([...a.ownerWords.leadUnits, ...b.ownerWords.leadUnits]),
        coUnits: unique([...a.ownerWords.coUnits, ...b.ownerWords.coUnits]),
      },
      leadUnitId,
      leadUnitSource: a.leadUnitId ? a.leadUnitSource : b.leadUnitSource,
      coUnitIds: unique([...a.coUnitIds, ...b.coUnitIds, ...(b.leadUnitId && b.leadUnitId !== leadUnitId ? [b.leadUnitId] : [])]).filter((id) => id !== leadUnitId),
      leaderIds: unique([...a.leaderIds, ...b.leaderIds]),
    },
  };
}
