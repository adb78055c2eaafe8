// An uploaded plan document → the plain text the parser reads. Pure apart from the .docx/.xlsx
// readers; refusals come back as Chinese messages for the import form.
import { docxToText } from './docx';
import { xlsxToRows } from './xlsx';
import { rowsToText } from './table';
import { MAX_PLAN_FILE_BYTES } from '@/lib/schemas/plan';

export type PlanFileKind = 'txt' | 'docx' | 'xlsx';
export type PlanSourceText = { ok: true; text: string } | { ok: false; message: string };

export function planFileKind(name: string): PlanFileKind | null {
  const match = /\.(txt|docx|xlsx)$/i.exec(name.trim());
  return match ? (match[1]!.toLowerCase() as PlanFileKind) : null;
}

// Control characters other than tab, newline, carriage return and form feed mean a binary file.
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** UTF-8 text without its byte-order mark, or null for invalid UTF-8 or binary content. */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return BINARY_CONTROL.test(text) ? null : text;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Text of an uploaded .txt (UTF-8), .docx or .xlsx file; .xlsx rows become tab-separated lines. */
export async function planSourceText(file: { name: string; bytes: Uint8Array }): Promise<PlanSourceText> {
  const kind = planFileKind(file.name);
  if (!kind) return { ok: false, message: '只支持 .txt、.docx、.xlsx 文件' };
  if (file.bytes.byteLength === 0) return { ok: false, message: '文件为空' };
  if (file.bytes.byteLength > MAX_PLAN_FILE_BYTES) return { ok: false, message: '文件过大（上限 5 MB）' };
  if (kind === 'txt') {
    const text = decodeUtf8Text(file.bytes);
    return text === null
      ? { ok: false, message: '文本文件不是 UTF-8 编码或含有二进制内容，请另存为 UTF-8 编码的 .txt 后重试' }
      : { ok: true, text };
  }
  // Both formats are zip packages; anything else was renamed, so refuse before the readers try.
  if (!ZIP_MAGIC.every((byte, i) => file.bytes[i] === byte)) {
    return { ok: false, message: `文件不是有效的 .${kind} 文档` };
  }
  try {
    const text = kind === 'docx' ? await docxToText(file.bytes) : rowsToText(await xlsxToRows(file.bytes));
    return { ok: true, text };
  } catch {
    return { ok: false, message: `无法读取该 .${kind} 文件，请确认文件未损坏` };
  }
}
