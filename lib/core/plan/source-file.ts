// An uploaded plan document → the plain text the parser reads. The checks and decoding are the
// CLI's (input.ts); this adds the import form's contract: only .txt/.docx/.xlsx, Chinese refusals.
import { decodePlanFile, PlanInputError, type OfficeReader } from './input';

export type PlanFileKind = 'txt' | 'docx' | 'xlsx';
export type PlanSourceText = { ok: true; text: string } | { ok: false; message: string };

export function planFileKind(name: string): PlanFileKind | null {
  const match = /\.(txt|docx|xlsx)$/i.exec(name.trim());
  return match ? (match[1]!.toLowerCase() as PlanFileKind) : null;
}

function refusal(error: PlanInputError, kind: PlanFileKind): string {
  switch (error.code) {
    case 'empty':
      return '文件为空';
    case 'too-large':
      return '文件过大（上限 5 MB）';
    case 'binary':
    case 'not-utf8':
      return '文本文件不是 UTF-8 编码或含有二进制内容，请另存为 UTF-8 编码的 .txt 后重试';
    case 'not-docx':
    case 'not-xlsx':
      return `文件不是有效的 .${kind} 文档`;
    case 'zip-bomb':
    case 'too-complex':
      return `${error.zh}，未导入任何内容`;
    default:
      return `无法读取该 .${kind} 文件，请确认文件未损坏`;
  }
}

/** Text of an uploaded .txt (UTF-8), .docx or .xlsx file; .xlsx rows become tab-separated lines. */
export async function planSourceText(file: { name: string; bytes: Uint8Array }, readOffice: OfficeReader): Promise<PlanSourceText> {
  const kind = planFileKind(file.name);
  if (!kind) return { ok: false, message: '只支持 .txt、.docx、.xlsx 文件' };
  try {
    return { ok: true, text: await decodePlanFile(file.bytes, file.name, readOffice) };
  } catch (error) {
    if (error instanceof PlanInputError) return { ok: false, message: refusal(error, kind) };
    throw error;
  }
}
