'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { importPlanSource } from '@/lib/server/plans/import-plan-source';

/** 导入: pasted text or an uploaded file becomes a DRAFT plan; the reviewer lands on it. */
export async function importPlanAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    let planId: string | null = null;
    const state = await runAction(async () => {
      const upload = form.get('file');
      const file = upload instanceof File && upload.size > 0 ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
      const plan = await importPlanSource({
        user,
        input: { text: formText(form, 'text'), file, title: formText(form, 'title'), year: formText(form, 'year'), kind: formText(form, 'kind'), confirmDuplicate: form.get('confirmDuplicate') === 'on' },
      });
      planId = plan.id;
    }, '已导入');
    if (!planId) return state;
    revalidatePath('/plans');
    redirect(`/plans/${planId}`);
  });
}
