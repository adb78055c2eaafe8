/**
 * Numbering tokens used by county plans and speeches, at the start of a paragraph
 * (`一、` `（一）` `1.` `1、` `（1）` `①` `一是` `一要` `亮点一：` `第一，` `第一部分`)
 * and inline inside a paragraph (`……。一是……；二是……`).
 *
 * All functions read the SIMPLIFIED text (so 亮點一 is recognised) and return offsets.
 */
import { enclosedDigitValue, parseCnNumber } from './chars';
import { matchUnitAt } from './units';

export interface NumberingMatch {
  /** Style key: 'part' 'cn-dun' 'di' 'cn-paren' 'label:亮点' 'yao' 'shi' 'ar-dun' 'ar-dot' 'ar-multi' 'ar-paren' 'ar-rparen' 'circled'. */
  style: string;
  value: number;
  /** Token range [start, end) in the text. */
  start: number;
  end: number;
}

/**
 * Conventional depth of each style (smaller = more major). Used only as a sanity
 * check: a more major style closes open minor ones (e.g. `二、` after `（三）`).
 */
export function styleRank(style: string): number | null {
  if (style.startsWith('label:')) return 3;
  switch (style) {
    case 'part':
      return 1;
    case 'cn-dun':
    case 'di':
      return 2;
    case 'cn-paren':
      return 3;
    case 'yao':
      return 4;
    case 'shi':
      return 5;
    case 'ar-dun':
    case 'ar-dot':
      return 6;
    case 'ar-multi':
      return 7;
    case 'ar-paren':
      return 8;
    case 'ar-rparen':
      return 9;
    case 'circled':
      return 10;
    default:
      return null;
  }
}

const CN = '[一二三四五六七八九十]{1,3}';
const LABEL_WORDS = '亮点|任务|目标|举措|措施|重点|方面|要点|板块|专项|行动|成效|做法|经验|问题|工作|特色|专题';

const RE_PART = new RegExp(`第(${CN})(?:部分|章|篇|节)[、，：\\s]?`, 'y');
const RE_DI = new RegExp(`第(${CN})[，、：]`, 'y');
const RE_CN_DUN = new RegExp(`(${CN})(?:、|\\.(?!\\d))`, 'y');
const RE_CN_PAREN = new RegExp(`[（(](${CN})[）)][、.，]?`, 'y');
const RE_LABEL = new RegExp(`(${LABEL_WORDS})(${CN})[：，、]`, 'y');
const RE_YAO = new RegExp(`(${CN})要(?=[\\u4e00-\\u9fff“《（])(?![求素件点闻])`, 'y');
const RE_SHI = new RegExp(`(${CN})是(?=[\\u4e00-\\u9fff“《（])`, 'y');
const RE_AR_DUN = /(\d{1,3})、/y;
const RE_AR_DOT = /(\d{1,3})\.(?!\d)/y;
const RE_AR_DOT_DIGIT = /(\d{1,3})\.(\d{1,4})/y;
const RE_AR_PAREN = /[（(](\d{1,3})[）)]/y;
const RE_AR_RPAREN = /(\d{1,3})[)）](?![\d%])/y;

function run(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Numbering token at `at` (start of a paragraph), or null. */
export function matchBlockNumbering(s: string, at: number): NumberingMatch | null {
  const c = s.charCodeAt(at);
  if (Number.isNaN(c)) return null;
  const enc = enclosedDigitValue(c);
  if (enc) {
    const style = enc.kind === 'circled' ? 'circled' : enc.kind === 'paren' ? 'ar-paren' : 'ar-dot';
    return { style, value: enc.value, start: at, end: at + 1 };
  }
  const ch = s[at] ?? '';
  let m: RegExpExecArray | null;
  if (ch === '第') {
    if ((m = run(RE_PART, s, at))) return cn('part', m, at);
    if ((m = run(RE_DI, s, at))) return cn('di', m, at);
    return null;
  }
  if (ch === '（' || ch === '(') {
    if ((m = run(RE_CN_PAREN, s, at))) return cn('cn-paren', m, at);
    if ((m = run(RE_AR_PAREN, s, at))) return { style: 'ar-paren', value: Number(m[1]), start: at, end: at + m[0].length };
    return null;
  }
  if ('一二三四五六七八九十'.includes(ch)) {
    if ((m = run(RE_CN_DUN, s, at))) return cn('cn-dun', m, at);
    if ((m = run(RE_SHI, s, at))) return cn('shi', m, at);
    if ((m = run(RE_YAO, s, at))) return cn('yao', m, at);
    return null;
  }
  if (c >= 0x30 && c <= 0x39) {
    if ((m = run(RE_AR_DUN, s, at))) return { style: 'ar-dun', value: Number(m[1]), start: at, end: at + m[0].length };
    if ((m = run(RE_AR_DOT_DIGIT, s, at))) return ambiguousDot(s, at, m);
    if ((m = run(RE_AR_DOT, s, at))) return { style: 'ar-dot', value: Number(m[1]), start: at, end: at + m[0].length };
    if ((m = run(RE_AR_RPAREN, s, at))) return { style: 'ar-rparen', value: Number(m[1]), start: at, end: at + m[0].length };
    return null;
  }
  if ((m = run(RE_LABEL, s, at))) {
    const v = parseCnNumber(m[2] ?? '');
    if (v === null) return null;
    return { style: `label:${m[1]}`, value: v, start: at, end: at + m[0].length };
  }
  return null;
}

function cn(style: string, m: RegExpExecArray, at: number): NumberingMatch | null {
  const v = parseCnNumber(m[1] ?? '');
  if (v === null || v === 0) return null;
  return { style, value: v, start: at, end: at + m[0].length };
}

/**
 * `N.M…` at a paragraph start: `1.2021年8月底前完成` / `2.6月底前` are items followed by a date,
 * `1.5万亩…` is a decimal quantity (no numbering), `1.2 加快…` is two-level numbering.
 */
function ambiguousDot(s: string, at: number, m: RegExpExecArray): NumberingMatch | null {
  const first = m[1] ?? '';
  const second = m[2] ?? '';
  const after = at + m[0].length;
  const dotEnd = at + first.length + 1;
  if (/^(?:19|20)\d\d$/.test(second) && /^[年.\-/]/.test(s.slice(after, after + 1))) {
    return { style: 'ar-dot', value: Number(first), start: at, end: dotEnd };
  }
  // `2.6月底前完成` is item 2 followed by a month, `3.15日前` item 3 followed by a day.
  const n2 = Number(second);
  if ((s[after] === '月' && n2 >= 1 && n2 <= 12) || ((s[after] === '日' || s[after] === '号') && n2 >= 1 && n2 <= 31)) {
    return { style: 'ar-dot', value: Number(first), start: at, end: dotEnd };
  }
  // A quantity (decimal followed by a unit, % or 倍) is not numbering.
  if (matchUnitAt(s, after) !== null) return null;
  const nextCh = s[after] ?? '';
  if (/[\d.%]/.test(nextCh)) return null;
  if (second.length <= 2) return { style: 'ar-multi', value: Number(second), start: at, end: after };
  return null;
}

/* ------------------------------------------------------------------ */
/* Inline enumerations                                                  */
/* ------------------------------------------------------------------ */

const INLINE_RE = /([一二三四五六七八九十]{1,3})(是|要)|([①-⑳⑴-⒇])|[（(](\d{1,2})[）)]/g;
const INLINE_BOUNDARY = '。；：！？，;:!?\n\t ';

/**
 * An inline enumeration inside [start, end): markers of one style numbered 1, 2, 3…
 * in order, each at a clause boundary. Returns the chain (≥ 2 markers, pieces of
 * at least 4 characters) that starts first, or null.
 */
export function findInlineChain(s: string, start: number, end: number): NumberingMatch[] | null {
  const byStyle = new Map<string, NumberingMatch[]>();
  // Search only the range (a search from `start` over the whole text would be quadratic).
  const sub = s.slice(start, end);
  INLINE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_RE.exec(sub)) !== null) {
    const idx = m.index + start;
    if (idx > start && !INLINE_BOUNDARY.includes(s[idx - 1] ?? '')) continue;
    let style: string;
    let value: number | null;
    if (m[1] !== undefined) {
      style = m[2] === '是' ? 'shi' : 'yao';
      value = parseCnNumber(m[1]);
      const nextCh = s[idx + m[0].length] ?? '';
      if (!/[\u4e00-\u9fff“《（]/.test(nextCh)) continue;
      if (style === 'yao' && /[求素件点闻]/.test(nextCh)) continue;
    } else if (m[3] !== undefined) {
      const enc = enclosedDigitValue(m[3].charCodeAt(0));
      if (!enc) continue;
      style = enc.kind === 'circled' ? 'circled' : 'ar-paren';
      value = enc.value;
    } else {
      style = 'ar-paren';
      value = Number(m[4]);
    }
    if (value === null || value === 0) continue;
    const list = byStyle.get(style) ?? [];
    list.push({ style, value, start: idx, end: idx + m[0].length });
    byStyle.set(style, list);
  }
  let best: NumberingMatch[] | null = null;
  for (const list of byStyle.values()) {
    const chain: NumberingMatch[] = [];
    let expected = 1;
    for (const mk of list) {
      if (mk.value === expected) {
        chain.push(mk);
        expected++;
      }
    }
    if (chain.length < 2) continue;
    let ok = true;
    for (let i = 0; i < chain.length; i++) {
      const pieceEnd = i + 1 < chain.length ? chain[i + 1]!.start : end;
      if (pieceEnd - chain[i]!.end < 4) ok = false;
    }
    if (!ok) continue;
    if (best === null || chain[0]!.start < best[0]!.start) best = chain;
  }
  return best;
}
