'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formString, formStrings } from '@/lib/core/forms/form-data';
import { runAction, withUser, type ActionState } from '@/lib/server/action-result';
import { createTask } from '@/lib/server/tasks/create-task';

/** A field's text; undefined when left blank, so optional fields stay unset. */
function text(form: FormData, name: string): string | undefined {
  const value = formString(form, name);
  return value?.trim() ? value : undefined;
}

/** The new-task form's fields in the shape `taskInputSchema` validates; target rows are numbered targets.<i>.<field>. */
function taskInputFromForm(form: FormData) {
  const targetCount = Math.min(Number(form.get('targetCount')) || 0, 30);
  return {
    title: text(form, 'title') ?? '',
    description: text(form, 'description'),
    year: text(form, 'year'),
    planId: text(form, 'planId'),
    leadUnitId: text(form, 'leadUnitId') ?? '',
    coUnitIds: formStrings(form, 'coUnitIds'),
    leaderIds: formStrings(form, 'leaderIds'),
    startDate: text(form, 'startDate'),
    deadline: text(form, 'deadline'),
    cadence: text(form, 'cadence'),
    targets: Array.from({ length: targetCount }, (_, i) => ({
      metric: text(form, `targets.${i}.metric`) ?? '',
      comparator: text(form, `targets.${i}.comparator`),
      value: text(form, `targets.${i}.value`) ?? null,
      valueMax: text(form, `targets.${i}.valueMax`) ?? null,
      unit: text(form, `targets.${i}.unit`) ?? '',
    })),
  };
}

export async function createTaskAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return withUser(async (user) => {
    const created: { id?: string } = {};
    const state = await runAction(async () => {
      created.id = (await createTask({ user, input: taskInputFromForm(form) })).id;
    }, '任务已创建');
    if (!state.ok || !created.id) return state;
    revalidatePath('/tasks');
    redirect(`/tasks/${created.id}`);
  });
}
