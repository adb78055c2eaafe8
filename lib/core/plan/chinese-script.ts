/**
 * Traditional ↔ simplified Chinese, through OpenCC's dictionaries (opencc-js), for the importer
 * (matching, the 转换为简体 offer on review) and for search (a query finds either form).
 *
 * opencc-js carries megabytes of dictionaries: server code that only sometimes needs it (the task
 * list's search) loads this module with a dynamic `import()`; no client component may import it.
 */
import * as OpenCC from 'opencc-js';
import { isIdeograph } from './chars';

type Convert = (text: string) => string;

const converters = new Map<string, Convert>();

/**
 * One converter per direction, built on first use and kept: building reads the dictionaries, and
 * simplified → traditional takes a few hundred milliseconds (the Taiwan and Hong Kong forms are
 * therefore derived from the standard traditional one, whose variant tables build in milliseconds).
 */
function converter(from: 't' | 'cn', to: 'cn' | 't' | 'tw' | 'hk'): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    const built = OpenCC.Converter({ from, to });
    convert = (text: string) => {
      try {
        return built(text);
      } catch {
        return text;
      }
    };
    converters.set(key, convert);
  }
  return convert;
}

/**
 * Simplified-Chinese form of `text` with exactly the same length, so offsets into one are offsets
 * into the other (full-width digits, letters, ％ and ． are also folded to ASCII, for matching only).
 * Lines whose phrase conversion changes length fall back to character-by-character conversion.
 */
export function toSimplifiedAligned(text: string): string {
  return foldWidth(simplifiedAligned(text));
}

/** Full-width digits, letters, ％ and ． folded to ASCII (1:1, so offsets stay aligned). */
function foldWidth(s: string): string {
  return /[０-９Ａ-Ｚａ-ｚ％．]/.test(s) ? s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : s;
}

function simplifiedAligned(text: string): string {
  if (text.length === 0) return text;
  const conv = converter('t', 'cn');
  const out = conv(text);
  if (out.length === text.length) return out;
  return text
    .split('\n')
    .map((line) => {
      const c = conv(line);
      if (c.length === line.length) return c;
      let chars = '';
      for (const ch of line) {
        const cc = ch.length === 1 && isIdeograph(ch.charCodeAt(0)) ? conv(ch) : ch;
        chars += cc.length === ch.length ? cc : ch;
      }
      return chars;
    })
    .join('\n');
}

/** Share of the text's ideographs that change under traditional → simplified conversion, and how many. */
export function traditionalShare(text: string, simplified = toSimplifiedAligned(text)): { changed: number; ideographs: number; share: number } {
  let ideographs = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isIdeograph(c)) continue;
    ideographs++;
    if (simplified.charCodeAt(i) !== c) changed++;
  }
  return { changed, ideographs, share: ideographs === 0 ? 0 : changed / ideographs };
}

/**
 * True when the text is written (mostly) in traditional characters: at least 3 characters and a
 * tenth of its ideographs change under conversion. In a traditional document about a third do
 * (many characters are the same in both forms); a simplified one quoting a traditional name stays
 * well under a tenth.
 */
export function isMostlyTraditional(text: string, simplified?: string): boolean {
  const { changed, share } = traditionalShare(text, simplified);
  return changed >= 3 && share >= 0.1;
}

/**
 * The forms a search query takes so that it finds text written in either script: as typed,
 * simplified, and traditional (OpenCC standard, Taiwan and Hong Kong variants), without repeats.
 */
export function searchForms(query: string): string[] {
  if (![...query].some((ch) => isIdeograph(ch.codePointAt(0) ?? 0))) return [query];
  const traditional = converter('cn', 't')(query);
  const forms = [query, converter('t', 'cn')(query), traditional, converter('t', 'tw')(traditional), converter('t', 'hk')(traditional)];
  return [...new Set(forms)];
}
