'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { createUnit } from '@/lib/server/directory/create-unit';
import { updateUnit } from '@/lib/server/directory/update-unit';
import { deleteUnit } from '@/lib/server/directory/delete-unit';

const FIELDS = ['code', 'name', 'shortName', 'kind', 'sortOrder', 'active', 'keywords', 'aliases'] as const;

function unitFromForm(form: FormData) {
  return Object.fromEntries(FIELDS.map((field) => [field, formText(form, field)]));
}

export async function createUnitAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    let unitId: string | null = null;
    const state = await runAction(async () => {
      unitId = (await createUnit({ user, input: unitFromForm(form) })).id;
    }, '单位已创建');
    if (!unitId) return state;
    revalidatePath('/admin/units');
    redirect(`/admin/units/${unitId}`);
  });
}

export async function updateUnitAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const state = await runAction(
      () => updateUnit({ user, input: { ...unitFromForm(form), unitId: formText(form, 'unitId'), updatedAt: formText(form, 'updatedAt') } }),
      '已保存',
    );
    if (state.ok) revalidatePath('/admin/units', 'layout');
    return state;
  });
}

export async function deleteUnitAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const state = await runAction(() => deleteUnit({ user, unitId: formText(form, 'unitId') }), '单位已删除');
    if (!state.ok) return state;
    revalidatePath('/admin/units');
    redirect('/admin/units');
  });
}
