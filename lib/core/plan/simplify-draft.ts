// 转换为简体: the working text of a draft plan (its title, the items' texts and everything their
// proposals hold as words) converted to simplified Chinese, so tasks, search and exports read one
// form. The document's source text is not part of the draft and stays as it was written.
import { isMostlyTraditional, toSimplifiedAligned } from './chinese-script';
import type { Proposal } from './proposal';

/** What of a draft item is working text. */
export type DraftItemText = { text: string; heading: string | null; numbering: string | null; proposal: Proposal | null };

// Aligned conversion: an item's text keeps its length, so its span still marks it in the document.
const simplify = toSimplifiedAligned;

function simplifyValues(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, simplify(value)]));
}

/** The proposal with its words simplified; ids, figures and dates unchanged. */
export function simplifiedProposal(proposal: Proposal): Proposal {
  const { deadline, targets, ownerWords, reasons } = proposal;
  return {
    ...proposal,
    title: simplify(proposal.title),
    deadline: {
      ...deadline,
      text: deadline.text === null ? null : simplify(deadline.text),
      ...(deadline.stated ? { stated: deadline.stated.map((s) => ({ ...s, text: simplify(s.text) })) } : {}),
    },
    targets: targets.map((t) => ({ ...t, metric: simplify(t.metric), unit: simplify(t.unit) })),
    ownerWords: { leaders: ownerWords.leaders.map(simplify), leadUnits: ownerWords.leadUnits.map(simplify), coUnits: ownerWords.coUnits.map(simplify) },
    ...(reasons ? { reasons: { lead: reasons.lead === null ? null : simplify(reasons.lead), coUnits: simplifyValues(reasons.coUnits), leaders: simplifyValues(reasons.leaders) } } : {}),
  };
}

export function simplifiedDraftItem<T extends DraftItemText>(item: T): T {
  return {
    ...item,
    text: simplify(item.text),
    heading: item.heading === null ? null : simplify(item.heading),
    numbering: item.numbering === null ? null : simplify(item.numbering),
    proposal: item.proposal === null ? null : simplifiedProposal(item.proposal),
  };
}

/** True when the draft's working text (title, item texts and task titles) is mostly traditional: offer 转换为简体. */
export function draftIsTraditional(title: string, items: readonly DraftItemText[]): boolean {
  return isMostlyTraditional([title, ...items.flatMap((item) => [item.text, item.proposal?.title ?? ''])].join('\n'));
}
