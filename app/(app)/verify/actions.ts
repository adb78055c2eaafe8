'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { verifyUploadSchema } from '@/lib/core/schemas/commitment';
import { formErrors } from '@/lib/core/schemas/common';
import { lookupQueryFromFile } from '@/lib/core/commitment/lookup';
import { verifyLetterPdf, type PdfVerification } from '@/lib/server/commitments/verify-letter-pdf';
import { runIntegrityCheckNow } from '@/lib/server/verify/get-integrity-status';

export type UploadState = ActionState & { verification?: PdfVerification };

const PDF_MAGIC = '%PDF-';

/**
 * A PDF is verified by its bytes and its embedded signature (a forged or edited one is refused);
 * a text file holding a hash or code is looked up like a pasted one.
 */
export async function lookupUploadAction(_previous: UploadState, formData: FormData): Promise<UploadState> {
  return withUser(async (user): Promise<UploadState> => {
    const parsed = verifyUploadSchema.safeParse({ file: formData.get('file') });
    if (!parsed.success) return { ok: false, ...formErrors(parsed.error) };
    const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).toString('latin1') === PDF_MAGIC) {
      const verification = await verifyLetterPdf({ user, bytes });
      if (!verification.ok) return { ok: false, message: verification.message, fieldErrors: { file: ['核验未通过'] }, verification };
      return { ok: true, message: '文件签名有效：内容与系统签发时一致。', fieldErrors: {}, verification };
    }
    const lookup = lookupQueryFromFile(bytes);
    if (!lookup) return { ok: false, message: '未在文件中找到承诺书的哈希值或核验码', fieldErrors: { file: ['未找到哈希值或核验码'] } };
    redirect(`/verify?q=${lookup.kind === 'hash' ? lookup.hash : lookup.prefix}`);
  });
}

/** 督查室: run the full integrity check now (it also writes a checkpoint when clean). */
export async function runIntegrityCheckAction(_previous: ActionState, _formData: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    let problems = 0;
    const result = await runAction(async () => {
      problems = (await runIntegrityCheckNow({ user })).problemCount;
    });
    if (!result.ok) return result;
    revalidatePath('/verify');
    return problems === 0
      ? { ok: true, message: '核验通过：未发现系统之外的改动，已写入新的核验点。', fieldErrors: {} }
      : { ok: false, message: `核验发现 ${problems} 处问题，已通知督查室。`, fieldErrors: {} };
  });
}
