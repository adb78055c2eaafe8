'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { importDirectory, previewDirectoryImport, type DirectorySummary } from '@/lib/server/directory/import-directory';
import { issueText } from '@/lib/core/directory/validate-directory';

/** The answer to 预览 or 确认导入: every problem as a line, or what was (or would be) changed. */
export type DirectoryImportState = ActionState & {
  intent?: 'preview' | 'import';
  /** Identifies the chosen file, so 确认导入 is offered only for the file that was previewed. */
  fileKey?: string;
  issues?: string[];
  summary?: DirectorySummary | null;
  oneTimePasswords?: { username: string; name: string; password: string }[];
};

export async function directoryImportAction(_previous: DirectoryImportState, form: FormData): Promise<DirectoryImportState> {
  const intent = formText(form, 'intent') === 'import' ? 'import' : 'preview';
  const fileKey = formText(form, 'fileKey');
  const upload = form.get('file');
  if (!(upload instanceof File) || upload.size === 0) {
    return { ok: false, message: '请选择目录工作簿文件（.xlsx）', fieldErrors: { file: ['请选择文件'] }, intent, fileKey };
  }
  let answer: Omit<DirectoryImportState, keyof ActionState> = {};
  const state = await withUser((user) =>
    runAction(async () => {
      const file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
      if (intent === 'preview') {
        const preview = await previewDirectoryImport({ user, file });
        answer = { issues: preview.issues.map(issueText), summary: preview.summary };
      } else {
        const result = await importDirectory({ user, file });
        answer = result.ok ? { issues: [], summary: result.summary, oneTimePasswords: result.oneTimePasswords } : { issues: result.issues.map(issueText), summary: null };
      }
    }),
  );
  if (!state.ok) return { ...state, intent, fileKey };
  const problems = answer.issues?.length ?? 0;
  if (problems > 0) {
    return { ok: false, message: `发现 ${problems} 处问题，请修改工作簿后重新预览。未写入任何内容。`, fieldErrors: {}, intent, fileKey, ...answer };
  }
  if (intent === 'import') revalidatePath('/admin', 'layout');
  const message = intent === 'preview' ? '检查通过：确认无误后点击“确认导入”' : '导入完成';
  return { ok: true, message, fieldErrors: {}, intent, fileKey, ...answer };
}
