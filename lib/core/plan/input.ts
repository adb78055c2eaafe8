/**
 * Turning an uploaded/opened plan file into text, with the checks the CLI and the importer
 * share: size ≤ 5 MB, not empty, not binary, valid UTF-8 (UTF-16 with a BOM is accepted),
 * and .docx/.xlsx read through mammoth/exceljs — after the package passed the zip bounds
 * (zip-bounds.ts), and by the reader the caller passes (the server and the CLI run it in a
 * worker with a memory cap and a timeout, lib/platform/office-reader.ts). Errors carry a code (the import screen words
 * its own Chinese message from it, see source-file.ts) and the CLI's one-line Chinese + English
 * message: `错误：文件为空 / error: file is empty`.
 */
import { MAX_PLAN_FILE_BYTES } from '../schemas/plan';
import { docxToText } from './docx';
import { rowsToText } from './table';
import { xlsxToRows } from './xlsx';
import { checkZipBounds, ZIP_LIMITS } from './zip-bounds';

export type PlanInputErrorCode =
  | 'missing'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'unsupported'
  /** Not even a zip package, so not a .docx/.xlsx at all (a renamed file). */
  | 'not-docx'
  | 'not-xlsx'
  | 'bad-docx'
  | 'bad-xlsx'
  /** Inflates past the zip bounds (a zip bomb, or far beyond any plan). */
  | 'zip-bomb'
  /** The parser ran out of its memory or time budget. */
  | 'too-complex';

const MESSAGES: Record<PlanInputErrorCode, [zh: string, en: string]> = {
  missing: ['文件不存在', 'file not found'],
  unreadable: ['无法读取文件', 'cannot read the file'],
  empty: ['文件为空', 'file is empty'],
  'too-large': ['文件超过 5 MB', 'file is larger than 5 MB'],
  binary: ['文件是二进制文件，不是文本', 'file is binary, not text'],
  'not-utf8': ['文件不是有效的 UTF-8 文本（GBK 等编码请先另存为 UTF-8）', 'file is not valid UTF-8 text'],
  unsupported: ['不支持的文件格式，请使用 .txt、.docx 或 .xlsx', 'unsupported file format; use .txt, .docx or .xlsx'],
  'not-docx': ['无法读取 .docx 文件', 'cannot read the .docx file'],
  'not-xlsx': ['无法读取 .xlsx 文件', 'cannot read the .xlsx file'],
  'bad-docx': ['无法读取 .docx 文件', 'cannot read the .docx file'],
  'bad-xlsx': ['无法读取 .xlsx 文件', 'cannot read the .xlsx file'],
  'zip-bomb': [
    `文件解压后超过 ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB 或包含过多条目，已拒绝`,
    `file inflates beyond ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB or has too many entries; refused`,
  ],
  'too-complex': ['文件内容过于复杂，无法在限定的内存和时间内读取', 'file is too complex to read within the memory and time limits'],
};

export class PlanInputError extends Error {
  readonly code: PlanInputErrorCode;
  readonly zh: string;
  readonly en: string;
  constructor(code: PlanInputErrorCode, detail?: string) {
    const [zh, en] = MESSAGES[code];
    const d = detail ? `（${detail}）` : '';
    const de = detail ? ` (${detail})` : '';
    super(`错误：${zh}${d} / error: ${en}${de}`);
    this.name = 'PlanInputError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

export type PlanFileFormat = 'text' | 'docx' | 'xlsx';

/** Format by file name; legacy binary Office formats and PDFs are rejected. */
export function formatOf(fileName: string): PlanFileFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx' || ext === 'docm') return 'docx';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (['doc', 'xls', 'wps', 'et', 'pdf', 'ppt', 'pptx', 'zip', 'rar', '7z', 'png', 'jpg', 'jpeg', 'gif'].includes(ext)) {
    throw new PlanInputError('unsupported', `.${ext}`);
  }
  return 'text';
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text of a plain-text file: UTF-8 (BOM optional) or UTF-16 with a BOM. */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new PlanInputError('empty');
  if (bytes.length > MAX_PLAN_FILE_BYTES) throw new PlanInputError('too-large');
  let text: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new PlanInputError('not-utf8');
    }
    if (text.includes('\u0000')) throw new PlanInputError('binary');
  } else {
    if (bytes.includes(0)) throw new PlanInputError('binary');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new PlanInputError('not-utf8');
    }
  }
  // Mostly control characters means a binary file that happens to contain no NUL byte.
  let control = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8 && control > Math.min(text.length, 65536) * 0.05) throw new PlanInputError('binary');
  if (text.trim().length === 0) throw new PlanInputError('empty');
  return text;
}

export type OfficeFormat = 'docx' | 'xlsx';
/** Turns a bounds-checked package into text; may throw PlanInputError('too-complex'). */
export type OfficeReader = (bytes: Uint8Array, format: OfficeFormat) => Promise<string>;

/** The parse itself, in this thread: what the worker runs (lib/platform/office-reader.ts). */
export async function readOfficeText(bytes: Uint8Array, format: OfficeFormat): Promise<string> {
  return format === 'docx' ? docxToText(bytes) : rowsToText(await xlsxToRows(bytes));
}

/** Text of a plan file of any supported format. Throws PlanInputError. */
export async function decodePlanFile(bytes: Uint8Array, fileName: string, readOffice: OfficeReader): Promise<string> {
  if (bytes.length === 0) throw new PlanInputError('empty');
  if (bytes.length > MAX_PLAN_FILE_BYTES) throw new PlanInputError('too-large');
  const format = formatOf(fileName);
  if (format === 'text') return decodeTextBytes(bytes);
  if (!isZip(bytes)) throw new PlanInputError(format === 'docx' ? 'not-docx' : 'not-xlsx');
  const bounds = await checkZipBounds(bytes);
  if (!bounds.ok) throw new PlanInputError(bounds.reason === 'not-zip' ? (format === 'docx' ? 'bad-docx' : 'bad-xlsx') : 'zip-bomb');
  let text: string;
  try {
    text = await readOffice(bytes, format);
  } catch (error) {
    if (error instanceof PlanInputError) throw error;
    throw new PlanInputError(format === 'docx' ? 'bad-docx' : 'bad-xlsx');
  }
  if (text.trim().length === 0) throw new PlanInputError('empty');
  return text;
}
