'use server';

import { revalidatePath } from 'next/cache';
import { formText } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { createUser } from '@/lib/server/directory/create-user';
import { updateUser } from '@/lib/server/directory/update-user';

const FIELDS = ['username', 'name', 'title', 'role', 'unitId', 'phone', 'active'] as const;

function userFromForm(form: FormData) {
  return Object.fromEntries(FIELDS.map((field) => [field, formText(form, field)]));
}

/** What the new-user form shows after creation: the account and, once, its one-time password. */
export type CreateUserState = ActionState & { created?: { id: string; username: string; name: string; oneTimePassword: string | null } };

export async function createUserAction(_previous: CreateUserState, form: FormData): Promise<CreateUserState> {
  const created: NonNullable<CreateUserState['created']>[] = [];
  const state = await withUser((user) =>
    runAction(async () => {
      created.push(await createUser({ user, input: { ...userFromForm(form), initialPassword: formText(form, 'initialPassword') } }));
    }, '用户已创建'),
  );
  if (!state.ok) return state;
  revalidatePath('/admin/users');
  return { ...state, created: created[0] };
}

export async function updateUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const state = await runAction(
      () => updateUser({ user, input: { ...userFromForm(form), userId: formText(form, 'userId'), updatedAt: formText(form, 'updatedAt') } }),
      '已保存',
    );
    if (state.ok) revalidatePath('/admin/users', 'layout');
    return state;
  });
}
