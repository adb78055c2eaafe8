import 'server-only';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, UserFacingError } from '@/lib/server/errors';
import { planSourceText } from '@/lib/core/plan/source-file';
import { readOfficeInWorker } from '@/lib/platform/office-reader';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';

export type PlanSourceInput = {
  /** Pasted text; used when no file is given. */
  text?: string;
  file?: { name: string; bytes: Uint8Array } | null;
  title?: string;
  year?: string | number;
  kind?: string;
  /** Import even though a nearly identical document was imported before. */
  confirmDuplicate?: boolean;
};

/**
 * The import form: converts an uploaded .txt/.docx/.xlsx (or takes the pasted text) and creates
 * the DRAFT plan. Pasting and uploading at once is refused rather than guessing which was meant.
 */
export async function importPlanSource({ user, input }: { user: SessionUser; input: PlanSourceInput }) {
  if (!can(user, 'plan.import')) throw forbidden('导入计划');
  // The text is passed on untrimmed: the re-import hash covers the original text exactly.
  const pasted = input.text ?? '';
  let text = pasted;
  let sourceName: string | undefined;
  if (input.file) {
    if (pasted.trim()) throw new UserFacingError('请只选择一种方式：粘贴文本或上传文件', 'INVALID', { file: ['已粘贴文本时不能同时上传文件'] });
    const converted = await planSourceText(input.file, readOfficeInWorker);
    if (!converted.ok) throw new UserFacingError(converted.message, 'INVALID', { file: [converted.message] });
    text = converted.text;
    sourceName = input.file.name.slice(0, 200);
  } else if (!pasted.trim()) {
    throw new UserFacingError('请粘贴计划文本或选择文件', 'INVALID', { text: ['请粘贴计划文本或选择文件'] });
  }
  return createPlanDraft({ user, input: { text, sourceName, title: input.title || undefined, year: input.year, kind: input.kind || undefined, confirmDuplicate: input.confirmDuplicate === true } });
}
