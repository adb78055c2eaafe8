/**
 * Recognises a document already imported in a nearly identical form (a re-saved file, a copy with
 * a few words changed, spacing or full-width punctuation altered) before it is parsed again.
 * Texts are compared on their simplified form with whitespace and punctuation removed, by the
 * Jaccard similarity of their 5-character shingles.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;
const SHINGLE = 5;

/** The text as compared: no whitespace, no punctuation, Latin letters in lower case. */
export function comparableText(simplified: string): string {
  return simplified.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

function shingles(text: string): Set<string> {
  const out = new Set<string>();
  if (text.length <= SHINGLE) {
    if (text) out.add(text);
    return out;
  }
  for (let i = 0; i + SHINGLE <= text.length; i++) out.add(text.slice(i, i + SHINGLE));
  return out;
}

/** Jaccard similarity of the two comparable texts' shingles (1 for identical texts). */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const s of small) if (large.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

export type EarlierPlanText = { id: string; title: string; text: string };

/**
 * The earlier plan most similar to `simplified` at or above the threshold, or null. Plans whose
 * length differs by more than the threshold allows are skipped without comparing shingles.
 */
export function findNearDuplicate(
  simplified: string,
  earlier: readonly EarlierPlanText[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): { id: string; title: string; similarity: number } | null {
  const text = comparableText(simplified);
  let best: { id: string; title: string; similarity: number } | null = null;
  for (const plan of earlier) {
    const other = comparableText(plan.text);
    const ratio = Math.min(text.length, other.length) / Math.max(text.length, other.length, 1);
    if (ratio < threshold) continue;
    const similarity = textSimilarity(text, other);
    if (similarity >= threshold && (best === null || similarity > best.similarity)) best = { id: plan.id, title: plan.title, similarity };
  }
  return best;
}
