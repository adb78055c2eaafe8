/**
 * Owners of a plan item: leaders (牵头领导/分管领导/包抓领导/责任人) and units
 * (牵头单位 → leadUnits, 配合单位 → coUnits, 责任单位 → leadUnits unless a 牵头单位 is
 * also named, then coUnits).
 *
 * Recognised forms: labelled lines or clauses (`牵头单位：县发改局；配合单位：各镇`),
 * brackets (`（县发改局、县财政局牵头，各镇按职责分工负责）`), `由县住建局牵头`, and —
 * when a unit directory is supplied — directory names followed by 牵头/负责/配合.
 * Owners are returned as the document's words; `matchUnits` maps words to directory entries.
 */
import { uniq } from './chars';
import { toSimplifiedAligned } from './clean';
import type { PlanOwners, UnitDirectoryEntry } from './schema';

export function emptyOwners(): PlanOwners {
  return { leaders: [], leadUnits: [], coUnits: [] };
}

export function mergeOwners(a: PlanOwners, b: PlanOwners): PlanOwners {
  return {
    leaders: uniq([...a.leaders, ...b.leaders]),
    leadUnits: uniq([...a.leadUnits, ...b.leadUnits]),
    coUnits: uniq([...a.coUnits, ...b.coUnits]).filter((u) => !a.leadUnits.includes(u) && !b.leadUnits.includes(u)),
  };
}

export function hasOwners(o: PlanOwners): boolean {
  return o.leaders.length + o.leadUnits.length + o.coUnits.length > 0;
}

type Role = 'leader' | 'lead' | 'resp' | 'co';

const LEADER_LABELS = '牵头县级领导|县级包抓领导|县级牵头领导|牵头领导|责任领导|分管领导|包抓领导|包联领导|联系领导|责任人';
const LEAD_LABELS = '牵头单位|牵头部门|主责单位|主责部门|牵头责任单位';
const RESP_LABELS = '责任单位|责任部门|实施单位|承办单位';
const CO_LABELS = '配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|配合责任单位';
const LABEL_RE = new RegExp(`(${LEADER_LABELS}|${LEAD_LABELS}|${CO_LABELS}|${RESP_LABELS})[：:]`, 'g');

function roleOfLabel(label: string): Role {
  if (new RegExp(`^(?:${LEADER_LABELS})$`).test(label)) return 'leader';
  if (new RegExp(`^(?:${LEAD_LABELS})$`).test(label)) return 'lead';
  if (new RegExp(`^(?:${CO_LABELS})$`).test(label)) return 'co';
  return 'resp';
}

/** True when the simplified text starts with an owner label (`牵头单位：`). */
export function startsWithOwnerLabel(s: string): boolean {
  return new RegExp(`^[（(]?(?:${LEADER_LABELS}|${LEAD_LABELS}|${CO_LABELS}|${RESP_LABELS})[：:]`).test(s);
}

const LIST_SEPARATORS = '、，,；;／/ \t\n';
const UNIT_SUFFIX = /(?:局|委|办|府|院|中心|公司|镇|街道|乡|部|室|所|队|站|会|团|处|科|厅|行|社|馆|集团|党委|支部|办公室|政府|村|社区|园区|分局|大队|法院|检察院|各有关单位|有关部门|各部门|各单位)$/;

/** Split an owner list in [a, b) (positions shared by c and s) into the document's words. */
function splitRange(c: string, s: string, a: number, b: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = a;
  const push = (x: number, y: number) => {
    let text = s.slice(x, y);
    let lead = 0;
    let trail = 0;
    const lm = /^(?:由|请|以及|及|和|并)/.exec(text);
    if (lm && text.length - lm[0].length >= 2) lead = lm[0].length;
    text = text.slice(lead);
    const tm = /(?:等相关单位|等有关单位|等单位|等部门|等|共同牵头|牵头负责|负责牵头|牵头|按职责分工负责|按职责负责|分工负责|负责|配合|协助|参与)$/.exec(text);
    if (tm && text.length - tm[0].length >= 2) trail = tm[0].length;
    const word = c
      .slice(x + lead, y - trail)
      .replace(/^[\s“”"'：:]+|[\s“”"'：:]+$/g, '');
    if (word.length >= 2 && word.length <= 40 && /[\u3400-\u9fffA-Za-z]/.test(word)) out.push(word);
  };
  for (let i = a; i < b; i++) {
    const ch = s[i] as string;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && LIST_SEPARATORS.includes(ch)) {
      if (i > start) push(start, i);
      start = i + 1;
    }
  }
  if (b > start) push(start, b);
  return out;
}

/** Split an owner list (`县发改局、县财政局等`) into the document's words. */
export function splitOwnerList(text: string, units?: UnitDirectoryEntry[]): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const s = toSimplifiedAligned(text);
  const words = splitRange(text, s, 0, text.length);
  return units && units.length > 0 ? words.flatMap((w) => splitGlued(w, units)) : words;
}

const NEXT_LABEL_RE = new RegExp(
  `(?:${LEADER_LABELS}|${LEAD_LABELS}|${CO_LABELS}|${RESP_LABELS}|完成时限|时限要求|时限|完成时间|时间节点|备注|工作目标)[：:]`,
  'g',
);

/** End of a labelled value starting at `from`: next label, sentence end, or unbalanced bracket. */
function valueEnd(s: string, from: number, limit: number): number {
  limit = Math.min(limit, from + 200);
  NEXT_LABEL_RE.lastIndex = 0;
  const next = NEXT_LABEL_RE.exec(s.slice(from, limit));
  if (next) next.index += from;
  if (next && next.index < limit) limit = next.index;
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = s[i] as string;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) return i;
      depth--;
    } else if ('；;。\n\t|'.includes(ch)) return i;
    else if ((ch === '，' || ch === ',' || ch === '、' || ch === ' ') && /^[\u4e00-\u9fff]{2,8}[：:]/.test(s.slice(i + 1, i + 11))) return i;
  }
  return limit;
}

interface Found {
  role: Role;
  words: string[];
}

function labelled(c: string, s: string, a: number, b: number, found: Found[]): Array<[number, number]> {
  const used: Array<[number, number]> = [];
  LABEL_RE.lastIndex = a;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(s)) !== null && m.index < b) {
    const vStart = m.index + m[0].length;
    const vEnd = valueEnd(s, vStart, b);
    found.push({ role: roleOfLabel(m[1] ?? ''), words: splitRange(c, s, vStart, vEnd) });
    used.push([m.index, vEnd]);
    LABEL_RE.lastIndex = Math.max(vEnd, vStart);
  }
  return used;
}

const CO_CLAUSE = /(?:按职责分工负责|按照职责分工负责|按职责负责|按职能职责负责|按各自职责负责|分工负责|各负其责|负责配合|按职责配合|配合|协助|协办|参与|共同推进|分别负责|具体负责|抓好落实)$/;
const LEAD_CLAUSE = /(?:共同牵头|牵头负责|负责牵头|牵头抓总|牵头)$/;

/** `（A、B牵头，C按职责分工负责）` style brackets. */
function bracketed(c: string, s: string, a: number, b: number, skip: Array<[number, number]>, found: Found[]): void {
  const stack: number[] = [];
  for (let i = a; i < b; i++) {
    const ch = s[i] as string;
    if (ch === '（' || ch === '(') stack.push(i);
    else if ((ch === '）' || ch === ')') && stack.length > 0) {
      const open = stack.pop() as number;
      if (stack.length > 0) continue; // only top-level brackets
      if (skip.some(([x, y]) => open < y && i > x)) continue;
      const inner = s.slice(open + 1, i);
      if (!/牵头|负责|配合|协办|协助|参与/.test(inner) || inner.length > 160) continue;
      clauses(c, s, open + 1, i, found);
    }
  }
}

function clauses(c: string, s: string, a: number, b: number, found: Found[]): void {
  let depth = 0;
  let start = a;
  const parts: Array<[number, number]> = [];
  for (let i = a; i <= b; i++) {
    const ch = i < b ? (s[i] as string) : '，';
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，,；;。'.includes(ch)) {
      if (i > start) parts.push([start, i]);
      start = i + 1;
    }
  }
  for (const [x, y] of parts) {
    const t = s.slice(x, y);
    let role: Role | null = null;
    if (LEAD_CLAUSE.test(t)) role = 'lead';
    else if (CO_CLAUSE.test(t)) role = 'co';
    else if (/负责(?:落实|实施)?$/.test(t)) role = 'resp';
    if (role === null) continue;
    const words = splitRange(c, s, x, y);
    if (words.length > 0) found.push({ role, words });
  }
}

/** `由县住建局牵头` — only words that look like unit names. */
function byPhrase(c: string, s: string, a: number, b: number, found: Found[]): void {
  const re = /由([^，。；、（）()\n：:]{2,30}?)(?:牵头|负责)/g;
  re.lastIndex = a;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m.index < b) {
    const w = m[1] ?? '';
    if (!UNIT_SUFFIX.test(w)) continue;
    const x = m.index + 1;
    found.push({ role: 'lead', words: [c.slice(x, x + w.length)] });
  }
}

function normalise(x: string): string {
  return toSimplifiedAligned(x).replace(/\s+/g, '');
}

function stripAdmin(x: string): string {
  return x.length > 3 ? x.replace(/^[县市区]/, '') : x;
}

/** Directory names in the text followed by 牵头/负责/配合. */
function byDirectory(c: string, s: string, a: number, b: number, units: UnitDirectoryEntry[], found: Found[]): void {
  const region = s.slice(a, b);
  for (const u of units) {
    for (const name of uniq([normalise(u.name), normalise(u.shortName)])) {
      if (name.length < 2) continue;
      let from = 0;
      let idx: number;
      while ((idx = region.indexOf(name, from)) >= 0) {
        from = idx + name.length;
        const after = region.slice(from, from + 10);
        const mm = /^[、，,和及与\u4e00-\u9fff（）()]{0,12}?(牵头|配合|协助|参与|负责)/.exec(after);
        if (!mm || /[。；]/.test(after.slice(0, mm.index))) continue;
        const role: Role = mm[1] === '牵头' ? 'lead' : mm[1] === '负责' ? 'resp' : 'co';
        found.push({ role, words: [c.slice(a + idx, a + idx + name.length)] });
      }
    }
  }
}

/** Split a word that glues several directory names together ("县发改局县财政局"). */
function splitGlued(word: string, units: UnitDirectoryEntry[]): string[] {
  const s = normalise(word);
  if (s.length !== word.length) return [word];
  const names = uniq(units.flatMap((u) => [normalise(u.name), normalise(u.shortName)])).filter((n) => n.length >= 2);
  const parts: string[] = [];
  let i = 0;
  while (i < s.length) {
    let best = '';
    for (const n of names) if (n.length > best.length && s.startsWith(n, i)) best = n;
    if (best === '') return [word];
    parts.push(word.slice(i, i + best.length));
    i += best.length;
  }
  return parts.length >= 2 ? parts : [word];
}

function assemble(found: Found[], units?: UnitDirectoryEntry[]): PlanOwners {
  const hasLead = found.some((f) => f.role === 'lead' && f.words.length > 0);
  const owners = emptyOwners();
  for (const f of found) {
    const words = units && units.length > 0 ? f.words.flatMap((w) => splitGlued(w, units)) : f.words;
    if (f.role === 'leader') owners.leaders.push(...words);
    else if (f.role === 'lead' || (f.role === 'resp' && !hasLead)) owners.leadUnits.push(...words);
    else owners.coUnits.push(...words);
  }
  owners.leaders = uniq(owners.leaders);
  owners.leadUnits = uniq(owners.leadUnits);
  owners.coUnits = uniq(owners.coUnits).filter((w) => !owners.leadUnits.includes(w));
  return owners;
}

/**
 * Owners stated in `text`. `simplified` (same length) may be passed when known.
 * With `units`, glued names are split and directory names followed by 牵头/配合 are found.
 */
export function extractOwners(text: string, opts: { simplified?: string; units?: UnitDirectoryEntry[] } = {}): PlanOwners {
  if (typeof text !== 'string' || text.length === 0) return emptyOwners();
  const s = opts.simplified !== undefined && opts.simplified.length === text.length ? opts.simplified : toSimplifiedAligned(text);
  const found: Found[] = [];
  const used = labelled(text, s, 0, text.length, found);
  bracketed(text, s, 0, text.length, used, found);
  byPhrase(text, s, 0, text.length, found);
  if (opts.units && opts.units.length > 0 && found.length === 0) byDirectory(text, s, 0, text.length, opts.units, found);
  return assemble(found, opts.units);
}

/** Owners from table cells (columns 牵头领导 / 牵头单位 / 责任单位 / 配合单位). */
export function ownersFromColumns(
  cells: { leaders: string[]; lead: string[]; resp: string[]; co: string[] },
  hasLeadColumn: boolean,
  units?: UnitDirectoryEntry[],
): PlanOwners {
  const split = (list: string[]) => list.flatMap((x) => splitOwnerList(x, units));
  const found: Found[] = [
    { role: 'leader', words: split(cells.leaders) },
    { role: 'lead', words: split(cells.lead) },
    { role: hasLeadColumn ? 'co' : 'lead', words: split(cells.resp) },
    { role: 'co', words: split(cells.co) },
  ];
  return assemble(found);
}

/**
 * Directory entries matching the owner words, by full name or short name
 * (also ignoring a leading 县/市/区 and traditional/simplified differences).
 * Returns unique entries in the order of the words.
 */
export function matchUnits(words: string[], directory: UnitDirectoryEntry[]): UnitDirectoryEntry[] {
  if (!Array.isArray(words) || !Array.isArray(directory)) return [];
  const entries = directory.map((u) => {
    const name = normalise(String(u?.name ?? ''));
    const short = normalise(String(u?.shortName ?? ''));
    return { u, name, short, nameS: stripAdmin(name), shortS: stripAdmin(short) };
  });
  const out: UnitDirectoryEntry[] = [];
  const seen = new Set<UnitDirectoryEntry>();
  const add = (u: UnitDirectoryEntry) => {
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  };
  for (const raw of words) {
    if (typeof raw !== 'string') continue;
    const w = normalise(raw);
    if (w.length < 2) continue;
    const ws = stripAdmin(w);
    let hit = entries.filter((e) => (e.name !== '' && e.name === w) || (e.short !== '' && e.short === w));
    if (hit.length === 0) hit = entries.filter((e) => (e.nameS !== '' && e.nameS === ws) || (e.shortS !== '' && e.shortS === ws));
    if (hit.length === 0 && w.length >= 4) hit = entries.filter((e) => e.name.endsWith(w));
    if (hit.length === 0 && w.length >= 4) hit = entries.filter((e) => e.shortS.length >= 3 && w.endsWith(e.shortS));
    for (const e of hit) add(e.u);
  }
  return out;
}
