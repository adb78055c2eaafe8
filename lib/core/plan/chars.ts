/**
 * Character classes and Chinese-numeral helpers shared by the plan parser.
 * Pure functions, no dependencies.
 */

/** CJK ideograph (basic + extension A + compatibility) or 〇. */
export function isIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007
  );
}

/** Ideographs plus CJK punctuation, full-width forms and the quotes/dashes used in Chinese text. */
export function isCjkLike(code: number): boolean {
  if (isIdeograph(code)) return true;
  if (code >= 0x3000 && code <= 0x303f) return true; // CJK symbols and punctuation
  if (code >= 0xff00 && code <= 0xffef) return true; // full-width forms
  if (code >= 0x2018 && code <= 0x201f) return true; // ‘ ’ “ ” …
  if (code === 0x2026 || code === 0x2014 || code === 0x2013 || code === 0x00b7 || code === 0x2015) return true;
  if (code >= 0xfe30 && code <= 0xfe4f) return true; // CJK compatibility forms
  if (code >= 0x2460 && code <= 0x24ff) return true; // ① ⑴ ⒈
  if (code >= 0x3200 && code <= 0x32ff) return true; // ㈠ ㉑
  // Astral ideographs arrive as surrogate halves; treat them as CJK.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return false;
}

export function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const CN_DIGIT_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Value of a small Chinese numeral (一 → 1, 十二 → 12, 二十一 → 21, 一百零五 → 105).
 * Returns null when the string is not a well-formed numeral below 1000.
 */
export function parseCnNumber(s: string): number | null {
  if (s.length === 0 || s.length > 6) return null;
  let total = 0;
  let current = -1; // pending digit, -1 = none
  let sawUnit = false;
  for (const ch of s) {
    if (ch === '百') {
      total += (current < 0 ? 1 : current) * 100;
      current = -1;
      sawUnit = true;
    } else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
      sawUnit = true;
    } else {
      const v = CN_DIGIT_VALUE[ch];
      if (v === undefined) return null;
      if (current > 0 && !sawUnit) return null; // "一二" is not a number
      current = v;
    }
  }
  if (current > 0) total += current;
  if (total === 0 && !s.includes('零') && !s.includes('〇')) return null;
  return total;
}

/** Value of circled / parenthesised / dotted digit characters (① ⑴ ⒈ ㉑ ㊱). */
export function enclosedDigitValue(code: number): { value: number; kind: 'circled' | 'paren' | 'dot' } | null {
  if (code >= 0x2460 && code <= 0x2473) return { value: code - 0x2460 + 1, kind: 'circled' };
  if (code >= 0x3251 && code <= 0x325f) return { value: code - 0x3251 + 21, kind: 'circled' };
  if (code >= 0x32b1 && code <= 0x32bf) return { value: code - 0x32b1 + 36, kind: 'circled' };
  if (code >= 0x2474 && code <= 0x2487) return { value: code - 0x2474 + 1, kind: 'paren' };
  if (code >= 0x2488 && code <= 0x249b) return { value: code - 0x2488 + 1, kind: 'dot' };
  if (code >= 0x3220 && code <= 0x3229) return { value: code - 0x3220 + 1, kind: 'paren' }; // ㈠
  return null;
}

/** Sentence-final punctuation in (normalised) Chinese text. */
export const SENTENCE_END = '。！？；';

export function isSentenceEnd(ch: string | undefined): boolean {
  return ch !== undefined && SENTENCE_END.includes(ch);
}

/** Trim [start, end) so that it starts and ends on non-whitespace characters. */
export function trimRange(s: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(s[a] ?? '')) a++;
  while (b > a && /\s/.test(s[b - 1] ?? '')) b--;
  return [a, b];
}

export function monthEnd(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= monthEnd(y, m);
}

/** Deduplicate strings keeping first occurrence order. */
export function uniq(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}
