/**
 * Deadlines in plan wording, resolved to a date in the plan year.
 *
 *   X月底前 / X月前 / X月 / X月中旬 → that month's end (上旬 10th, 中旬 20th, X月Y日 that day)
 *   一季度 … 四季度 / 首季 → quarter end      上半年 → 06-30   下半年 → 12-31
 *   年内 / 年底前 / 年底 → 12-31              N年内 → 12-31 of year + N − 1
 *   2012年10月底前, 2021.8, 2024年3月15日, 2024-03-15, 到2025年 → explicit dates
 *   明年 (次年, 后年) → relative to the plan year   全年 / 年度 / 今年 → 12-31 (weakest)
 *
 * When an item states several, the most specific wins (dates/months/quarters/halves over
 * 年内/N年内/明年 over 全年/年度), and among equally specific ones the latest date
 * (the item is complete when its last stated step is). A deadline stated in one clause belongs to
 * that clause: when several clauses each state their own (6月底前开工90%以上，年底前全部竣工),
 * each is a step of the item, kept apart in `stated`, and the item is due at the latest of them —
 * a scope word (全年) yields to them. No wording → year end, inferred.
 */
import { isoDateFromYmd } from '../schedule/calendar-day';
import { isValidDate, monthEnd, parseCnNumber } from './chars';
import { toSimplifiedAligned } from './clean';
import type { PlanDeadline } from './schema';

export interface DeadlineCandidate {
  start: number;
  end: number;
  date: string;
  /** 3 = month/quarter/half/explicit date, 2 = 年内/年底/N年内/明年, 1 = 全年/年度/今年. */
  strength: 1 | 2 | 3;
}

type Handler = (m: RegExpExecArray, year: number, s: string) => { date: string | null; strength: 1 | 2 | 3 } | null;

const CN_MONTH = '十[一二]?|[一二三四五六七八九]';
const YEAR = '((?:19|20)\\d{2})';

function relYear(prefix: string | undefined, year: number): number {
  if (prefix === '明年' || prefix === '次年') return year + 1;
  if (prefix === '后年') return year + 2;
  return year;
}

function monthDate(y: number, month: number, dayWord: string | undefined): string | null {
  if (!(month >= 1 && month <= 12)) return null;
  let d = monthEnd(y, month);
  if (dayWord) {
    const dm = /^(\d{1,2})[日号]$/.exec(dayWord);
    if (dm) d = Number(dm[1]);
    else if (dayWord === '初' || dayWord === '上旬') d = 10;
    else if (dayWord === '中旬') d = 20;
  }
  return isValidDate(y, month, d) ? isoDateFromYmd(y, month, d) : null;
}

function quarterDate(y: number, q: number): string | null {
  if (q < 1 || q > 4) return null;
  const month = q * 3;
  return isoDateFromYmd(y, month, monthEnd(y, month));
}

function quarterValue(w: string | undefined): number {
  if (w === undefined) return 1;
  if (/^\d$/.test(w)) return Number(w);
  return parseCnNumber(w) ?? 0;
}

function monthValue(w: string): number {
  return /^\d+$/.test(w) ? Number(w) : (parseCnNumber(w) ?? 0);
}

const RULES: Array<[RegExp, Handler]> = [
  // 2024年3月15日(前)
  [new RegExp(`${YEAR}年(\\d{1,2})月(\\d{1,2})[日号](?:前|以前|之前)?`, 'g'), (m) => {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return { date: isValidDate(y, mo, d) ? isoDateFromYmd(y, mo, d) : null, strength: 3 };
  }],
  // 2024-03-15, 2024.3.15, 2024/3/15
  [new RegExp(`${YEAR}[.\\-/](\\d{1,2})[.\\-/](\\d{1,2})(?![\\d.])(?:前|以前|之前)?`, 'g'), (m) => {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return { date: isValidDate(y, mo, d) ? isoDateFromYmd(y, mo, d) : null, strength: 3 };
  }],
  // 2012年10月底前, 2024年三月, 2024年6月中旬
  [new RegExp(`${YEAR}年(\\d{1,2}|${CN_MONTH})月(?:份)?(底|末|初|上旬|中旬|下旬)?(?:前|以前|之前|内)?`, 'g'), (m) => ({
    date: monthDate(Number(m[1]), monthValue(m[2] ?? ''), m[3]),
    strength: 3,
  })],
  // 2021.8 (year.month, not a decimal quantity)
  [new RegExp(`(?<![\\d.])${YEAR}\\.(1[0-2]|0?[1-9])(?![\\d.%万亿元个])(?:月?底?前|以前|之前)?`, 'g'), (m) => ({
    date: monthDate(Number(m[1]), Number(m[2]), undefined),
    strength: 3,
  })],
  // 2024年一季度, 2024年上半年, 2024年年中
  [new RegExp(`${YEAR}年(?:第)?([一二三四1-4])季度(?:末|底)?(?:前)?`, 'g'), (m) => ({
    date: quarterDate(Number(m[1]), quarterValue(m[2])),
    strength: 3,
  })],
  [new RegExp(`${YEAR}年(上|下)半年(?:末|底)?(?:前)?`, 'g'), (m) => ({
    date: m[2] === '上' ? isoDateFromYmd(Number(m[1]), 6, 30) : isoDateFromYmd(Number(m[1]), 12, 31),
    strength: 3,
  })],
  // 2024年底前, 2025年前, 到2025年
  [new RegExp(`${YEAR}年(?:底|末|年底|年末)(?:前|以前|之前)?|${YEAR}年(?:前|以前|之前|内|以内)`, 'g'), (m) => ({
    date: isoDateFromYmd(Number(m[1] ?? m[2]), 12, 31),
    strength: 2,
  })],
  [new RegExp(`(?:到|至|于|截至|截止)${YEAR}年(?![度\\d的以基])`, 'g'), (m) => ({
    date: isoDateFromYmd(Number(m[1]), 12, 31),
    strength: 2,
  })],
  // (明年)6月底前, 3月, 6月15日, 十月底
  [new RegExp(`(明年|次年|后年|今年)?(?:(1[0-2]|[1-9])|(${CN_MONTH}))月(?:份)?(\\d{1,2}[日号]|底|末|初|上旬|中旬|下旬)?(?:前|以前|之前|内)?`, 'g'), (m, year, s) => {
    const numStart = m.index + (m[1]?.length ?? 0);
    const prev = s[numStart - 1] ?? '';
    if (/[\d.]/.test(prev)) return null;
    const after = s[m.index + m[0].length] ?? '';
    if (after === '度') return null;
    if (m[3] !== undefined) {
      // Chinese-numeral months need a clear month word after them (十月底, 三月份).
      if (m[4] === undefined && !/(?:份|前)$/.test(m[0])) return null;
      if (/[一二三四五六七八九十第每个几数]/.test(prev)) return null;
    }
    if (/[每逐个几数]/.test(prev)) return null;
    if (m[1] === undefined && prev === '年' && /[去上前往同]/.test(s[numStart - 2] ?? '')) return null;
    const month = m[2] !== undefined ? Number(m[2]) : monthValue(m[3] ?? '');
    return { date: monthDate(relYear(m[1], year), month, m[4]), strength: 3 };
  }],
  // 一季度 … 四季度, 首季
  [/(明年|次年)?(?:第)?([一二三四1-4])季度(?:末|底)?(?:前)?|(明年|次年)?首季度?/g, (m, year, s) => {
    const prev = s[m.index - 1] ?? '';
    if (/[每各逐个本上下\d]/.test(prev)) return null;
    const q = m[2] !== undefined ? quarterValue(m[2]) : 1;
    return { date: quarterDate(relYear(m[1] ?? m[3], year), q), strength: 3 };
  }],
  // 上半年 / 下半年 / 年中
  [/(明年|次年)?(上|下)半年(?:末|底)?(?:前)?|(明年|次年)?年中(?![心央])/g, (m, year) => {
    const y = relYear(m[1] ?? m[3], year);
    if (m[2] === '下') return { date: isoDateFromYmd(y, 12, 31), strength: 3 };
    return { date: isoDateFromYmd(y, 6, 30), strength: 3 };
  }],
  // 3年内, 三年内, 用两年时间
  [/(\d{1,2}|[一二三四五六七八九十两]{1,2})年(?:内|之内|以内|时间)/g, (m, year, s) => {
    if (/\d/.test(s[m.index - 1] ?? '')) return null;
    const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : parseCnNumber(m[1] ?? '');
    if (n === null || n < 1 || n > 30) return null;
    return { date: isoDateFromYmd(year + n - 1, 12, 31), strength: 2 };
  }],
  // 明年(底前) — not "明年民生实事项目" (next year's projects are the object, not the deadline)
  [/(明年|次年|后年)(?:底|末|年底)?(?:前|以前|之前|内)?/g, (m, year, s) => {
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (m[0].length === 2 && /^(?:的|工作|项目|民生|重点|预算|计划|目标|任务|拟|度)/.test(after)) return null;
    return { date: isoDateFromYmd(relYear(m[1], year), 12, 31), strength: 2 };
  }],
  // 年底前 / 年内 / 年末
  [/(?:今年|本年)?年(?:底|末)(?:前|以前|之前)?|今年内|(?:本)?年度内|年内/g, (m, _year, s) => {
    const prev = s[m.index - 1] ?? '';
    if (/[去上前往\d]/.test(prev)) return null;
    return { date: isoDateFromYmd(_year, 12, 31), strength: 2 };
  }],
  // 全年 / 年度 / 今年 (scope words)
  [/全年|本年度|年度|今年/g, (m, year, s) => {
    const prev = s[m.index - 1] ?? '';
    if (/[\d上去往跨]/.test(prev)) return null;
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (after === '以来') return null;
    return { date: isoDateFromYmd(year, 12, 31), strength: 1 };
  }],
];

/** Every deadline phrase in `simplified` (positions are shared with the original text). */
export function findDeadlines(simplified: string, year: number): DeadlineCandidate[] {
  const s = simplified;
  const taken = new Uint8Array(s.length);
  const out: DeadlineCandidate[] = [];
  for (const [re, handler] of RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      let free = true;
      for (let i = start; i < end; i++) {
        if (taken[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      const r = handler(m, year, s);
      if (r === null || r.date === null) continue;
      for (let i = start; i < end; i++) taken[i] = 1;
      out.push({ start, end, date: r.date, strength: r.strength });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The candidate that best represents when the item is due (see module comment). */
export function pickDeadline(cands: DeadlineCandidate[]): DeadlineCandidate | null {
  let best: DeadlineCandidate | null = null;
  for (const c of cands) {
    if (best === null || c.strength > best.strength || (c.strength === best.strength && c.date > best.date)) best = c;
  }
  return best;
}

/**
 * How a deadline whose wording has no year of its own (明年7月份, 次年底, 年底前, 6月, 3年内) was
 * resolved, e.g. "按文件年份2026推算"; undefined for explicit dates, scope words and no wording.
 * Under a 明年 heading the base year is the next one, which the note says.
 */
export function deadlineBasis(deadline: Pick<PlanDeadline, 'text' | 'date'>, docYear: number): string | undefined {
  const wording = deadline.text ? toSimplifiedAligned(deadline.text) : '';
  if (!wording || /(?:19|20)\d{2}/.test(wording) || /^(?:全年|本年度|年度|今年)$/.test(wording)) return undefined;
  const within = /(\d{1,2}|[一二三四五六七八九十两]{1,2})年(?:内|之内|以内|时间)/.exec(wording);
  const offset = /明年|次年/.test(wording) ? 1 : /后年/.test(wording) ? 2 : within ? (/^\d+$/.test(within[1]!) ? Number(within[1]) : (parseCnNumber(within[1]!) ?? 1)) - 1 : 0;
  const base = Number(deadline.date.slice(0, 4)) - offset;
  return base === docYear ? `按文件年份${docYear}推算` : `按上级标题推算为${base}年（文件年份${docYear}）`;
}

const CLAUSE_END = /[，,；;。！？!?：:\n]/;

/**
 * The deadline each clause states (its own best), in order, for clauses that state a real one
 * (strength ≥ 2, not a scope word such as 全年).
 */
function clauseDeadlines(s: string, cands: DeadlineCandidate[]): DeadlineCandidate[] {
  const byClause = new Map<number, DeadlineCandidate[]>();
  let clause = 0;
  let next = 0;
  for (const c of cands) {
    for (; next < c.start; next++) if (CLAUSE_END.test(s[next]!)) clause++;
    if (c.strength >= 2) byClause.set(clause, [...(byClause.get(clause) ?? []), c]);
  }
  return [...byClause.values()].map((list) => pickDeadline(list)!);
}

/**
 * Deadline stated in `text`, or null when the text states none. When the text states several
 * different dates (1.2025年5月 2.2025年10月, or one per clause) they are all kept in `stated`, in order.
 */
export function findDeadline(text: string, year: number, simplified?: string): PlanDeadline | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const s = simplified !== undefined && simplified.length === text.length ? simplified : toSimplifiedAligned(text);
  const cands = findDeadlines(s, year);
  const steps = clauseDeadlines(s, cands);
  const severalSteps = new Set(steps.map((c) => c.date)).size >= 2;
  const best = severalSteps ? steps.reduce((a, b) => (b.date > a.date ? b : a)) : pickDeadline(cands);
  if (best === null) return null;
  const wording = text.slice(best.start, best.end);
  const deadline: PlanDeadline = { text: wording, date: best.date, inferred: false };
  const stated = severalSteps ? steps : cands.filter((c) => c.strength === best.strength);
  if (new Set(stated.map((c) => c.date)).size >= 2) deadline.stated = stated.map((c) => ({ text: text.slice(c.start, c.end), date: c.date }));
  return deadline;
}

/** Deadline of a task: the stated one, or the plan year's end marked inferred with text null. */
export function extractDeadline(text: string, year: number, simplified?: string): PlanDeadline {
  const y = Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : new Date().getFullYear();
  return findDeadline(text, y, simplified) ?? { text: null, date: isoDateFromYmd(y, 12, 31), inferred: true };
}
