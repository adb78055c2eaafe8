'use server';

import { redirect } from 'next/navigation';
import { withUser, type ActionState } from '@/lib/server/action-result';
import { verifyUploadSchema } from '@/lib/core/schemas/commitment';
import { formErrors } from '@/lib/core/schemas/common';
import { lookupQueryFromFile } from '@/lib/core/commitment/lookup';

/** Reads the hash or code out of an uploaded letter PDF (or text file) and shows what it belongs to. */
export async function lookupUploadAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return withUser(async () => {
    const parsed = verifyUploadSchema.safeParse({ file: formData.get('file') });
    if (!parsed.success) return { ok: false, ...formErrors(parsed.error) };
    const lookup = lookupQueryFromFile(new Uint8Array(await parsed.data.file.arrayBuffer()));
    if (!lookup) return { ok: false, message: '未在文件中找到承诺书的哈希值或核验码', fieldErrors: { file: ['未找到哈希值或核验码'] } };
    redirect(`/verify?q=${lookup.kind === 'hash' ? lookup.hash : lookup.prefix}`);
  });
}
