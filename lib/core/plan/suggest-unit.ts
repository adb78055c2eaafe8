// When a plan item names no owner, the importer suggests a lead unit from the item's subject
// matter: each unit's 职责 keywords, kept by the office on the unit's page (Unit.keywords). The
// reviewer sees the suggestion marked as such and confirms or changes it.

/** The unit whose keywords occur most often in the text, or null when none occurs. */
export function suggestLeadUnit<U extends { keywords?: readonly string[] }>(text: string, units: U[]): U | null {
  let best: U | null = null;
  let bestScore = 0;
  for (const unit of units) {
    const words = unit.keywords ?? [];
    let score = 0;
    for (const word of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) score++;
    }
    if (score > bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}
