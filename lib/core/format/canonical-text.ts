// Plain forms of text and numbers: what the commitment hash covers (lib/commitment/canonical.ts)
// and how figures are printed, so '1.50' and ' 1.5' read and hash alike.

// Includes U+3000 (ideographic space) explicitly: pasted Chinese text is full of it.
const WHITESPACE_RUN = /[\s\u3000]+/g;

/** NFC, trimmed, every whitespace run collapsed to one ASCII space. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

const EXPONENT_FORM = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

/** Plain decimal text for a finite number: no exponent, no '-0', no trailing '.0'. */
export function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`无法规范化非有限数值：${n}`);
  if (Object.is(n, -0)) return '0';
  const text = String(n); // shortest round-trip form, so 1.50 and 1.5 both give '1.5'
  const match = EXPONENT_FORM.exec(text);
  if (!match) return text;
  // Expand e.g. '1.5e-7' → '0.00000015' and '1e+21' → '1000000000000000000000'.
  const sign = match[1] ?? '';
  const digits = (match[2] ?? '') + (match[3] ?? '');
  const pointAt = 1 + Number(match[4]);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}
