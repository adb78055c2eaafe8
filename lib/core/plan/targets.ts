/**
 * Quantitative targets in plan wording: number + unit + comparator.
 *
 *   以上/不少于/不低于/至少 → '>='   超/超过/突破/过/余/多 → '>'   左右/约/近 → '≈'
 *   以内/不超过/控制在/以下 → '<='   低于/少于/不足 → '<'   2—3家 / 2-3家 / 2至3家 → 'range'
 *   plain number → '='          XXX / X / ××× placeholders → value null, placeholder true
 *
 * Not targets: numbers without a unit (1844机制, “753”措施), years/months/days (2024年, 6月底),
 * ages and durations (35岁以下, 连续3年, 6个月), ordinals (第一, 前3名), 5A级/5G, quantities
 * used as qualifiers (50万元以上的村), policy names (10条措施), numbers in 《titles》.
 */
import { isDigit, isLatinLetter } from './chars';
import { toSimplifiedAligned } from './clean';
import type { Comparator, PlanTarget } from './schema';
import { matchUnitAt, type UnitMatch } from './units';

const NUM_RE = /\d+(?:,\d{3})*(?:\.\d+)?|[X×*＊]{1,4}|x{2,4}/g;
const NUM_STICKY = /\d+(?:,\d{3})*(?:\.\d+)?/y;

const PREFIX_RULES: Array<[RegExp, Comparator]> = [
  [/(?:不少于|不低于|不小于|至少|最少|不下于)$/, '>='],
  [/(?:不超过|不高于|不大于|最多|控制在|不多于)$/, '<='],
  [/(?:超过|突破|高于|大于|多于|逾|超出|超)$/, '>'],
  [/(?:低于|少于|小于|不足|不到)$/, '<'],
  [/(?:大约|约为|约|接近|将近|近)$/, '≈'],
];

const SUFFIX_RE = /(?:及以上|以上|之上|及以下|以下|以内|之内|左右|内)/y;
const SUFFIX_COMPARATOR: Record<string, Comparator> = {
  及以上: '>=', 以上: '>=', 之上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 之内: '<=', 左右: '≈', 内: '<=',
};

/** Dimensionless indexes a target may name (数据中心PUE降至1.3以下). */
const INDEX_BEFORE = /(?:PUE|WUE|CUE|基尼系数|恩格尔系数|容积率)[^，。；、\d]{0,4}$/;

const PROCEDURAL_AFTER = /^(?:个)?(?:批次|轮次|轮|次会议|次全会|次常委会)/;
const POLICY_AFTER = /^(?:措施|意见|规定|举措|办法|要求|标准|政策|原则|禁令|机制|制度|经验|做法|条例|细则)/;
const CLAUSE_DELIMS = '，。；！？：、\n\t|,;!?';
const MODAL_PREFIX = /^(?:确保|力争|力促|争取|努力|务必|力求|坚决|同时|其中|并且)+/;

interface RawTarget {
  numStart: number;
  end: number;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unitParts: Array<[number, number]>;
  placeholder: boolean;
}

/** Ranges of `s` where numbers are not quantities: 《titles》, full dates, times. */
function maskedRanges(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /《[^《》\n]{0,80}》|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|(?:19|20)\d{2}\.(?:1[0-2]|0?[1-9])(?![\d.%万亿元个])|\d{1,2}:\d{2}(?::\d{2})?|\d+·\d+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

function inRanges(ranges: Array<[number, number]>, p: number): boolean {
  for (const [a, b] of ranges) if (p >= a && p < b) return true;
  return false;
}

function parseNumber(tok: string): number {
  return Number(tok.replace(/,/g, ''));
}

function prefixComparator(s: string, p: number): Comparator | null {
  const before = s.slice(Math.max(0, p - 4), p);
  for (const [re, cmp] of PREFIX_RULES) if (re.test(before)) return cmp;
  // Adverbs a verb may follow: 至少建成5个, 最多安排3人.
  const adverb = /(至少|最少|最多)[\u4e00-\u9fff]{1,3}$/.exec(s.slice(Math.max(0, p - 6), p));
  if (adverb) return adverb[1] === '最多' ? '<=' : '>=';
  // 过 ("产值过亿元", "过10万") but not 通过/经过/超过 (handled above)/度过.
  if (s[p - 1] === '过' && !/[通经越度难错不穿跨胜路闯渡]/.test(s[p - 2] ?? '')) return '>';
  return null;
}

function isExcludedPrefix(s: string, p: number): boolean {
  const prev = s[p - 1] ?? '';
  if (prev === '第') return true;
  const before = s.slice(Math.max(0, p - 6), p);
  if (/(?:排名|排|居|位列|进入|跻身|位居|前列)(?:全[国省市县区])?前$/.test(before)) return true;
  if (/每(?:年|月|季度?|周|天|日|人|户)?$/.test(before)) return true;
  if (/连续$/.test(before)) return true;
  return false;
}

function scanTargets(s: string): RawTarget[] {
  const masked = maskedRanges(s);
  const out: RawTarget[] = [];
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM_RE.exec(s)) !== null) {
    const p = m.index;
    const tok = m[0];
    const e = p + tok.length;
    const placeholder = !isDigit(tok.charCodeAt(0));
    const prevCode = p > 0 ? s.charCodeAt(p - 1) : -1;
    if (prevCode >= 0 && (isDigit(prevCode) || isLatinLetter(prevCode) || prevCode === 0x2e)) continue;
    const nextCode = e < s.length ? s.charCodeAt(e) : -1;
    // Letters after a number are a code (5G, 5A级) unless they are a Latin unit (5EFLOPS).
    if (nextCode >= 0 && isLatinLetter(nextCode) && !/^[A-Za-z]/.test(matchUnitAt(s, e)?.base ?? '')) continue;
    if (inRanges(masked, p)) continue;
    if (isExcludedPrefix(s, p)) continue;
    if (placeholder && (s[p - 1] === '“' || s[p - 1] === '"')) continue;

    // Range: 2—3家, 2-3家, 2至3家, 20%-30%.
    let unit: UnitMatch | null = matchUnitAt(s, e);
    let end: number;
    const value: number | null = placeholder ? null : parseNumber(tok);
    let valueMax: number | null = null;
    let comparator: Comparator | null = null;
    const sepPos = unit ? unit.end : e;
    const sep = s[sepPos] ?? '';
    let isRange = false;
    if (!placeholder && '-—–－~～〜至到'.includes(sep) && sep !== '') {
      let q = sepPos + 1;
      if (sep === '—' && s[q] === '—') q++;
      NUM_STICKY.lastIndex = q;
      const m2 = NUM_STICKY.exec(s);
      if (m2) {
        const unit2 = matchUnitAt(s, q + m2[0].length);
        const v2 = parseNumber(m2[0]);
        if (unit2 && (unit === null || unit.unit === unit2.unit) && value !== null && v2 >= value) {
          isRange = true;
          valueMax = v2;
          unit = unit2;
          comparator = 'range';
          NUM_RE.lastIndex = q + m2[0].length;
        }
      }
    }
    // An index without a unit named just before its value (PUE降至1.3以下).
    if (unit === null && !placeholder && INDEX_BEFORE.test(s.slice(Math.max(0, p - 8), p))) unit = { end: e, parts: [], unit: '', base: '', approxAbove: false };
    if (unit === null) continue;
    if (unit.base === '个' && s[unit.end] === '月') continue;
    // Procedural counts (11个批次 of feedback, 3轮督查, 2次常委会议) say how work is organised, not what it achieves.
    if (PROCEDURAL_AFTER.test(s.slice(e, e + 6))) continue;
    if ((unit.base === '条' || unit.base === '项') && POLICY_AFTER.test(s.slice(unit.end, unit.end + 4))) continue;
    end = unit.end;
    if (s[end] === '的' && !isRange) continue; // qualifier: 50万元以上的村 handled below too
    let suffixCmp: Comparator | null = null;
    SUFFIX_RE.lastIndex = end;
    const sm = SUFFIX_RE.exec(s);
    if (sm) {
      const word = sm[0];
      // "内" alone only as a deadline-like bound at a clause end ("3天内完成"), not "内资".
      if (word !== '内' || /^[，。；、完办]|^$/.test(s.slice(end + 1, end + 2))) {
        suffixCmp = SUFFIX_COMPARATOR[word] ?? null;
        end += word.length;
      }
    }
    if (s[end] === '的') continue; // 50万元以上的村, 35岁以下的 → a condition, not a target
    if (!isRange) {
      comparator = suffixCmp ?? prefixComparator(s, p) ?? (unit.approxAbove ? '>' : '=');
    }
    out.push({
      numStart: p,
      end,
      comparator: comparator ?? '=',
      value,
      valueMax: isRange ? valueMax : null,
      unitParts: unit.parts,
      placeholder,
    });
  }
  return out;
}

/** Clause around [p, end): bounded by clause punctuation and unbalanced brackets. */
const CLAUSE_REACH = 80;

function clauseBounds(s: string, p: number, end: number): [number, number] {
  let a = p;
  let depth = 0;
  const minA = Math.max(0, p - CLAUSE_REACH);
  while (a > minA) {
    const ch = s[a - 1] as string;
    if (CLAUSE_DELIMS.includes(ch)) break;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) break;
      depth--;
    }
    a--;
  }
  let b = end;
  depth = 0;
  const maxB = Math.min(s.length, end + CLAUSE_REACH);
  while (b < maxB) {
    const ch = s[b] as string;
    if (CLAUSE_DELIMS.includes(ch)) break;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) break;
      depth--;
    }
    b++;
  }
  const mm = MODAL_PREFIX.exec(s.slice(a, p));
  if (mm) a += mm[0].length;
  return [a, b];
}

function trimmedSlice(c: string, a: number, b: number): string {
  return c.slice(a, b).replace(/^[\s“”"]+|[\s“"]+$/g, '');
}

/**
 * Targets stated in `text`. `simplified` (same length as `text`) may be passed when
 * already known; otherwise it is computed. `text` and `unit` keep the document's words.
 */
export function extractTargets(text: string, simplified?: string): PlanTarget[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const s = simplified !== undefined && simplified.length === text.length ? simplified : toSimplifiedAligned(text);
  const raws = scanTargets(s);
  if (raws.length === 0) return [];
  // Group targets by clause so several targets in one clause share the phrase.
  const groups = new Map<string, { a: number; b: number; items: RawTarget[] }>();
  for (const r of raws) {
    const [a, b] = clauseBounds(s, r.numStart, r.end);
    const key = `${a}:${b}`;
    const g = groups.get(key) ?? { a, b, items: [] };
    g.items.push(r);
    groups.set(key, g);
  }
  const out: PlanTarget[] = [];
  const seen = new Set<string>();
  for (const g of groups.values()) {
    let lastEnd = 0;
    let firstStart = Number.MAX_SAFE_INTEGER;
    for (const r of g.items) {
      if (r.end > lastEnd) lastEnd = r.end;
      if (r.numStart < firstStart) firstStart = r.numStart;
    }
    let a = g.a;
    const b = g.b - lastEnd <= 14 ? g.b : lastEnd;
    if (firstStart - a > 24) a = firstStart - 16;
    const shared = b - a <= 48;
    for (const r of g.items) {
      let ta = a;
      let tb = b;
      if (!shared) {
        ta = Math.max(g.a, r.numStart - 16);
        tb = g.items.length === 1 && g.b - r.end <= 14 ? g.b : r.end;
      }
      // Never cut inside a surrogate pair.
      if (ta > 0 && /[\udc00-\udfff]/.test(text[ta] ?? '')) ta--;
      if (tb < text.length && /[\udc00-\udfff]/.test(text[tb] ?? '')) tb++;
      const target: PlanTarget = {
        text: trimmedSlice(text, ta, tb),
        comparator: r.comparator,
        value: r.value,
        valueMax: r.valueMax,
        // The document's words; only the full-width ％ sign is written as %.
        unit: r.unitParts.map(([x, y]) => text.slice(x, y)).join('').replace(/％/g, '%'),
        placeholder: r.placeholder,
      };
      const key = `${target.text}|${target.comparator}|${target.value}|${target.valueMax}|${target.unit}|${r.numStart}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(target);
    }
  }
  return out;
}
