/**
 * `.docx` → plain text with mammoth's `extractRawText`: one paragraph per line. Word tables
 * come out one cell per line (an empty cell is an empty line), which table.ts recognises by
 * its header cells.
 */
import mammoth from 'mammoth';

/** mammoth ends every paragraph with a blank line; keep one line per paragraph (empty ones too). */
export function rawTextToLines(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').split('\n\n').join('\n').replace(/\s+$/, '');
}

/** Text of a .docx file. Throws when the file is not a readable .docx. */
export async function docxToText(buffer: ArrayBuffer | Uint8Array): Promise<string> {
  const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const result = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  return rawTextToLines(result.value);
}
