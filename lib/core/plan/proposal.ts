// Turns a parsed plan item into the importer's proposal: a task title, the deadline, targets, and
// owners matched to the unit directory and the leaders. Pure: the directory is passed in.
import { matchUnits } from './owners';
import type { PlanItem } from './schema';
import { suggestLeadUnit } from './suggest-unit';

/** A unit as the importer matches it: by name, short name or alias (招商局 for 县投资促进局), or by 职责 keywords. */
export type DirectoryUnit = { id: string; name: string; shortName: string; keywords?: readonly string[]; aliases?: readonly string[] };
export type DirectoryLeader = { id: string; name: string; title: string | null };

export type Proposal = {
  title: string;
  deadline: { date: string; text: string | null; inferred: boolean };
  targets: { metric: string; comparator: '>=' | '>' | '=' | '≈' | '<=' | '<' | 'range'; value: number | null; valueMax: number | null; unit: string; placeholder: boolean }[];
  ownerWords: { leaders: string[]; leadUnits: string[]; coUnits: string[] };
  leadUnitId: string | null;
  /** Where the lead unit came from; 'keyword' is only a suggestion for the reviewer to confirm. */
  leadUnitSource: 'document' | 'inherited' | 'keyword' | 'reviewer' | null;
  coUnitIds: string[];
  leaderIds: string[];
};

const TITLE_MAX = 80;

/** The heading when the document gives one, else the first sentence, shortened. */
export function proposalTitle(item: Pick<PlanItem, 'heading' | 'text' | 'numbering'>): string {
  const base = (item.heading ?? item.text).trim();
  const withoutNumbering = item.numbering && base.startsWith(item.numbering) ? base.slice(item.numbering.length).trim() : base;
  const firstSentence = withoutNumbering.split(/[。；;！？]/)[0]?.trim() || withoutNumbering;
  const title = firstSentence.replace(/[，,、：:]$/, '');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title || '未命名任务';
}

function unitIds(words: string[], units: DirectoryUnit[]) {
  const matched = matchUnits(words, units).map((entry) => units.find((u) => u.name === entry.name && u.shortName === entry.shortName)!.id);
  const byAlias = words.flatMap((word) => units.filter((u) => u.aliases?.includes(word.trim())).map((u) => u.id));
  return [...new Set([...matched, ...byAlias])];
}

function leaderIds(words: string[], leaders: DirectoryLeader[]) {
  return leaders.filter((l) => words.some((w) => w.includes(l.name) || (l.title !== null && w === l.title))).map((l) => l.id);
}

/**
 * Proposal for a task item. Owners the item does not name are inherited from the nearest
 * ancestor proposal that names them (a section's 牵头单位 covers its items).
 */
export function proposeItem(
  item: PlanItem,
  directory: { units: DirectoryUnit[]; leaders: DirectoryLeader[] },
  inherited: Pick<Proposal, 'leadUnitId' | 'leadUnitSource' | 'coUnitIds' | 'leaderIds'> | null,
  planYear: number,
): Proposal {
  const lead = unitIds(item.owners.leadUnits, directory.units);
  const co = unitIds(item.owners.coUnits, directory.units).filter((id) => id !== lead[0]);
  const leaders = leaderIds(item.owners.leaders, directory.leaders);
  const inheritedLead = inherited?.leadUnitSource === 'keyword' ? null : (inherited?.leadUnitId ?? null);
  const leadUnitId = lead[0] ?? inheritedLead ?? (item.kind === 'task' ? (suggestLeadUnit(item.text, directory.units)?.id ?? null) : null);
  return {
    title: proposalTitle(item),
    deadline: item.deadline ?? { date: `${planYear}-12-31`, text: null, inferred: true },
    targets: item.targets.map((t) => ({
      metric: t.text,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      placeholder: t.placeholder,
    })),
    ownerWords: item.owners,
    // Several lead units: the first leads, the others support.
    leadUnitId,
    leadUnitSource: lead[0] ? 'document' : inheritedLead ? 'inherited' : leadUnitId ? 'keyword' : null,
    coUnitIds: lead.length || co.length ? [...lead.slice(1), ...co] : (inherited?.coUnitIds ?? []),
    leaderIds: leaders.length ? leaders : (inherited?.leaderIds ?? []),
  };
}
