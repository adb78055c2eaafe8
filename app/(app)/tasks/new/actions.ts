'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { taskInputFromForm } from '@/lib/core/forms/task-form';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { createTask } from '@/lib/server/tasks/create-task';

export async function createTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const { ip } = await requestMeta();
    const created: { id?: string } = {};
    const state = await runAction(async () => {
      created.id = (await createTask({ user, input: taskInputFromForm(form), ip })).id;
    }, '任务已创建');
    if (!state.ok || !created.id) return state;
    revalidatePath('/tasks');
    redirect(`/tasks/${created.id}`);
  });
}
