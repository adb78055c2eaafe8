/**
 * Reading what a person pastes or uploads on the verification page: a full SHA-256, or the
 * short code printed on a letter (LS-8F3A-91C2-7D0E), or a letter's PDF, whose document title
 * carries the hash (PDF text is compressed, the title is not).
 */

export type LookupQuery = { kind: 'hash'; hash: string } | { kind: 'code'; prefix: string };

const FULL_HASH = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i;
const CODE = /LS[-\s]*([0-9a-f]{4})[-\s]*([0-9a-f]{4})[-\s]*([0-9a-f]{4})(?![0-9a-f])/i;
const BARE_CODE = /^[0-9a-f]{12}$/i;

/** The first hash or verification code found in `text`, or null. */
export function parseLookupQuery(text: string): LookupQuery | null {
  const hash = FULL_HASH.exec(text);
  if (hash) return { kind: 'hash', hash: hash[0].toLowerCase() };
  const code = CODE.exec(text);
  if (code) return { kind: 'code', prefix: `${code[1]}${code[2]}${code[3]}`.toLowerCase() };
  const bare = text.replace(/[\s-]/g, '');
  if (BARE_CODE.test(bare)) return { kind: 'code', prefix: bare.toLowerCase() };
  return null;
}

const TITLE_HEX = /\/Title\s*<([0-9a-fA-F\s]*)>/;
const TITLE_LITERAL = /\/Title\s*\(((?:\\.|[^\\)])*)\)/;

function utf16beFromHex(hex: string): string {
  const clean = hex.replace(/\s/g, '');
  const bytes = Buffer.from(clean.length % 2 ? `${clean}0` : clean, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const units: number[] = [];
    for (let i = 2; i + 1 < bytes.length; i += 2) units.push((bytes[i]! << 8) | bytes[i + 1]!);
    return String.fromCharCode(...units);
  }
  return bytes.toString('latin1');
}

/**
 * The document title in a PDF's info dictionary, decoded (UTF-16BE hex, as Chromium writes
 * non-ASCII titles, or a literal string), or null when the file has none.
 */
export function pdfDocumentTitle(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf).toString('latin1');
  const hex = TITLE_HEX.exec(text);
  if (hex) return utf16beFromHex(hex[1] ?? '');
  const literal = TITLE_LITERAL.exec(text);
  if (literal) return (literal[1] ?? '').replace(/\\(.)/g, '$1');
  return null;
}

/** The hash or code in an uploaded file: a letter PDF's title, or else the file read as text. */
export function lookupQueryFromFile(bytes: Uint8Array): LookupQuery | null {
  const title = pdfDocumentTitle(bytes);
  const fromTitle = title === null ? null : parseLookupQuery(title);
  return fromTitle ?? parseLookupQuery(Buffer.from(bytes).toString('utf8'));
}
