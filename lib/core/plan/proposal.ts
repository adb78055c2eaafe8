// Turns a parsed plan item into the importer's proposal: a task title, the deadline, targets, and
// owners matched to the unit directory and the leaders. Owners the document does not name are
// suggested (owner-suggestion.ts), each with its reason. Pure: the directory is passed in.
import { deadlineBasis } from './deadlines';
import { matchUnits } from './owners';
import { suggestOwners, unitNames, type OwnerCorrection, type OwnerSuggestion } from './owner-suggestion';
import type { PlanDeadline, PlanItem } from './schema';

/** A unit as the importer matches it: by name, short name or alias (招商局 for 县投资促进局), or by 职责 keywords. */
export type DirectoryUnit = { id: string; name: string; shortName: string; kind?: string; keywords?: readonly string[]; aliases?: readonly string[] };
export type DirectoryLeader = { id: string; name: string; title: string | null };
/** The county's directory as the importer sees it: units, leaders, who oversees which unit (分管), past corrections. */
export type ImportDirectory = {
  units: DirectoryUnit[];
  leaders: DirectoryLeader[];
  leaderUnits?: { leaderId: string; unitId: string }[];
  corrections?: OwnerCorrection[];
};

export type Proposal = {
  title: string;
  /** `basis` says how wording without a year was resolved (deadlineBasis). */
  deadline: PlanDeadline & { basis?: string };
  targets: {
    metric: string;
    comparator: '>=' | '>' | '=' | '≈' | '<=' | '<' | 'range';
    value: number | null;
    valueMax: number | null;
    unit: string;
    placeholder: boolean;
    /** The deadline its own clause states, when the item states several (6月底前开工90%以上 → 6月底前). */
    deadline?: { text: string; date: string };
  }[];
  ownerWords: { leaders: string[]; leadUnits: string[]; coUnits: string[] };
  leadUnitId: string | null;
  /** Where the lead unit came from; 'correction', 'mention' and 'keyword' are suggestions for the reviewer to confirm. */
  leadUnitSource: 'document' | 'inherited' | 'correction' | 'mention' | 'keyword' | 'reviewer' | null;
  coUnitIds: string[];
  leaderIds: string[];
  /** Why each suggested owner was proposed (which words matched), keyed by unit or leader id; absent for owners the document names. */
  reasons?: { lead: string | null; coUnits: Record<string, string>; leaders: Record<string, string> };
  /** Set on a paragraph proposed as a parent of sub-tasks (分解); merging them back makes it one task again. */
  decomposed?: boolean;
};

/** Lead unit sources that are only suggestions. */
export const SUGGESTED_SOURCES: ReadonlySet<Proposal['leadUnitSource']> = new Set(['correction', 'mention', 'keyword']);

const TITLE_MAX = 80;

const PLACEHOLDER = /[X×＊*]{2,}|x{2,}/;

/**
 * A sentence of blanks (目标是：增长XXX%，投资XXX亿元…) is no title: keep its lead-in before the
 * colon (目标是 → 目标), else the clauses before the first blank.
 */
function withoutPlaceholders(sentence: string): string {
  if ((sentence.match(new RegExp(PLACEHOLDER, 'g')) ?? []).length < 2) return sentence;
  const colon = sentence.search(/[：:]/);
  const leadIn = colon > 0 ? sentence.slice(0, colon).replace(/(?:是|为|如下)$/, '') : '';
  if (leadIn.length >= 2 && !PLACEHOLDER.test(leadIn)) return leadIn;
  const clauses = sentence.split(/[，,]/);
  const clean = clauses.slice(0, clauses.findIndex((c) => PLACEHOLDER.test(c))).join('，');
  return clean.length >= 2 ? clean : sentence;
}

/** The heading when the document gives one, else the first sentence, shortened. */
export function proposalTitle(item: Pick<PlanItem, 'heading' | 'text' | 'numbering'>): string {
  const base = (item.heading ?? item.text).trim();
  const withoutNumbering = item.numbering && base.startsWith(item.numbering) ? base.slice(item.numbering.length).trim() : base;
  const firstSentence = withoutNumbering.split(/[。；;！？]/)[0]?.trim() || withoutNumbering;
  const title = withoutPlaceholders(firstSentence).replace(/[，,、：:]$/, '');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title || '未命名任务';
}

function unitIds(words: string[], units: DirectoryUnit[]) {
  const matched = matchUnits(words, units).map((entry) => units.find((u) => u.name === entry.name && u.shortName === entry.shortName)!.id);
  const byAlias = words.flatMap((word) => units.filter((u) => u.aliases?.includes(word.trim()) || unitNames(u).includes(word.trim())).map((u) => u.id));
  return [...new Set([...matched, ...byAlias])];
}

function leaderIds(words: string[], leaders: DirectoryLeader[]) {
  return leaders.filter((l) => words.some((w) => w.includes(l.name) || (l.title !== null && w === l.title))).map((l) => l.id);
}

/**
 * The deadline a target's own clause states, when the item states several (deadline.stated): the
 * one stated date whose wording is inside the target's phrase; none when its phrase states no date
 * or more than one (the item's deadline then applies).
 */
export function targetDeadline(phrase: string, deadline: Pick<PlanDeadline, 'stated'>): { text: string; date: string } | undefined {
  const own = (deadline.stated ?? []).filter((s) => phrase.includes(s.text));
  return new Set(own.map((s) => s.date)).size === 1 ? own[own.length - 1] : undefined;
}

/**
 * Proposal for a task item. Owners the item does not name are inherited from the nearest
 * ancestor proposal that names them (a section's 牵头单位 covers its items); failing that, a task
 * gets suggested owners from the directory, and leaders from the 分管 map of its lead unit.
 */
export function proposeItem(
  item: PlanItem,
  directory: ImportDirectory,
  inherited: Pick<Proposal, 'leadUnitId' | 'leadUnitSource' | 'coUnitIds' | 'leaderIds'> | null,
  planYear: number,
  /** A suggestion already made for this item (a decomposed part's), used instead of a new one. */
  suggested?: OwnerSuggestion,
): Proposal {
  const lead = unitIds(item.owners.leadUnits, directory.units);
  const co = unitIds(item.owners.coUnits, directory.units).filter((id) => id !== lead[0]);
  const leaders = leaderIds(item.owners.leaders, directory.leaders);
  const inheritedLead = inherited && !SUGGESTED_SOURCES.has(inherited.leadUnitSource) ? inherited.leadUnitId : null;
  const title = proposalTitle(item);
  const suggestion =
    item.kind === 'task' && !lead[0] && !inheritedLead
      ? (suggested ?? suggestOwners({ title: item.heading ?? title, text: item.text }, directory.units, directory.corrections))
      : null;
  const leadUnitId = lead[0] ?? inheritedLead ?? suggestion?.leadUnitId ?? null;
  const coUnitIds = lead.length || co.length ? [...lead.slice(1), ...co] : inheritedLead ? inherited!.coUnitIds : (suggestion?.coUnits.map((c) => c.unitId) ?? []);
  const named = leaders.length ? leaders : inheritedLead && inherited!.leaderIds.length ? inherited!.leaderIds : null;
  const overseers = named || !leadUnitId ? [] : [...new Set((directory.leaderUnits ?? []).filter((lu) => lu.unitId === leadUnitId).map((lu) => lu.leaderId))];
  const leadUnitName = directory.units.find((u) => u.id === leadUnitId)?.shortName ?? '';
  const deadline = item.deadline ?? { date: `${planYear}-12-31`, text: null, inferred: true };
  const basis = deadlineBasis(deadline, planYear);
  return {
    title,
    deadline: basis ? { ...deadline, basis } : deadline,
    targets: item.targets.map((t) => {
      const own = targetDeadline(t.text, deadline);
      return { metric: t.text, comparator: t.comparator, value: t.value, valueMax: t.valueMax, unit: t.unit, placeholder: t.placeholder, ...(own ? { deadline: own } : {}) };
    }),
    ownerWords: item.owners,
    // Several lead units: the first leads, the others support.
    leadUnitId,
    leadUnitSource: lead[0] ? 'document' : inheritedLead ? 'inherited' : (suggestion?.source ?? null),
    coUnitIds,
    leaderIds: named ?? overseers,
    reasons: {
      lead: suggestion?.leadReason ?? null,
      coUnits: Object.fromEntries((suggestion && !(lead.length || co.length) ? suggestion.coUnits : []).map((c) => [c.unitId, c.reason])),
      leaders: Object.fromEntries(overseers.map((id) => [id, `分管牵头单位${leadUnitName}`])),
    },
  };
}
