// What the import review screen's summary bar counts. Pure.
import type { Proposal } from './proposal';

export const PLAN_ITEM_KIND_LABELS = { TASK: '任务', SECTION: '章节', REVIEW: '回顾' } as const;

export type ReviewItem = { id: string; kind: 'SECTION' | 'TASK' | 'REVIEW'; excluded: boolean; numbering: string | null; proposal: Proposal | null };

export type ReviewSummary = {
  /** Task items that will become tasks. */
  tasks: number;
  excluded: number;
  /** Task items to publish that still have no lead unit, in document order. */
  missingLeadUnit: { id: string; label: string }[];
  /** Task items to publish whose deadline is before `today`: publishing asks the office to confirm them. */
  pastDeadline: { id: string; label: string }[];
  canPublish: boolean;
};

const labelOf = (item: ReviewItem) => `${item.numbering ?? ''}${item.proposal?.title ?? ''}`.trim() || '未命名任务';

/** `today` is the ISO date (Asia/Shanghai) deadlines are compared with. */
export function reviewSummary(items: ReviewItem[], today: string): ReviewSummary {
  const publishable = items.filter((item) => item.kind === 'TASK' && !item.excluded);
  const missingLeadUnit = publishable.filter((item) => !item.proposal?.leadUnitId).map((item) => ({ id: item.id, label: labelOf(item) }));
  const pastDeadline = publishable.filter((item) => item.proposal && item.proposal.deadline.date < today).map((item) => ({ id: item.id, label: labelOf(item) }));
  return {
    tasks: publishable.length,
    excluded: items.filter((item) => item.excluded).length,
    missingLeadUnit,
    pastDeadline,
    canPublish: publishable.length > 0 && missingLeadUnit.length === 0,
  };
}

/** Items followed by another item of the same parent: only those can be merged with the next one. */
export function itemsWithNextSibling(items: { id: string; parentId: string | null }[]): Set<string> {
  const lastOfParent = new Map<string | null, string>();
  for (const item of items) lastOfParent.set(item.parentId, item.id);
  const last = new Set(lastOfParent.values());
  return new Set(items.filter((item) => !last.has(item.id)).map((item) => item.id));
}
