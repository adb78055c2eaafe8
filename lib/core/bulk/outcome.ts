/**
 * What a bulk action did: it runs the one-item data-layer function for each item, each in its own
 * transaction with its own audit rows, so one refused item does not undo the others. The summary
 * says how many went through and names each refusal with its reason.
 */
export type BulkOutcome = {
  done: number;
  /** Items left as they were, with a word on why (e.g. 已下发). */
  skipped?: { count: number; reason: string };
  failed: { label: string; message: string }[];
};

/** Most items one bulk action takes: a page of a list. */
export const BULK_MAX_ITEMS = 100;

/** 已通过 3 项；2 项未处理：编号 A（该报告已审核…）；编号 B（…） */
export function bulkSummary(verb: string, outcome: BulkOutcome): string {
  const parts = [`${verb} ${outcome.done} 项`];
  if (outcome.skipped?.count) parts.push(`${outcome.skipped.count} 项${outcome.skipped.reason}，未改动`);
  if (outcome.failed.length > 0) parts.push(`${outcome.failed.length} 项未处理：${outcome.failed.map((f) => `${f.label}（${f.message}）`).join('；')}`);
  return parts.join('；');
}
