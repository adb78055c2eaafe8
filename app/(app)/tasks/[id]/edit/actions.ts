'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formString } from '@/lib/core/forms/form-data';
import { taskEditFromForm, taskSplitFromForm } from '@/lib/core/forms/task-form';
import { requestMeta, runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { editTask } from '@/lib/server/tasks/edit-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { splitTask } from '@/lib/server/tasks/split-task';

/** Runs one of the edit page's changes; on success the task page (and lists) show the result. */
async function changeTask(form: FormData, work: (ip: string | null) => Promise<unknown>, done: string): Promise<ActionState> {
  const { ip } = await requestMeta();
  const taskId = formString(form, 'taskId') ?? '';
  const state = await runAction(() => work(ip), done);
  if (!state.ok) return state;
  revalidatePath('/tasks');
  revalidatePath('/');
  revalidatePath(`/tasks/${taskId}`);
  redirect(`/tasks/${taskId}`);
}

export async function editTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) => changeTask(form, (ip) => editTask({ user, ip, input: taskEditFromForm(form) }), '任务已修改'));
}

export async function cancelTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) =>
    changeTask(
      form,
      (ip) => cancelTask({ user, ip, input: { taskId: formString(form, 'taskId'), version: formString(form, 'version'), reason: formString(form, 'reason') } }),
      '任务已撤销',
    ),
  );
}

export async function splitTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser((user) => changeTask(form, (ip) => splitTask({ user, ip, input: taskSplitFromForm(form) }), '任务已拆分'));
}
