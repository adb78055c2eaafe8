// The task forms' posted fields (new task, edit, split) in the shapes their zod schemas validate.
// Target rows are numbered targets.<i>.<field> with targetCount; split parts parts.<i>.<field>
// with partCount. Pure: the schemas judge the values.
import { formString, formStrings } from '@/lib/core/forms/form-data';

const MAX_ROWS = 30;

/** A field's text; undefined when left blank, so optional fields stay unset. */
function text(form: FormData, name: string): string | undefined {
  const value = formString(form, name);
  return value?.trim() ? value : undefined;
}

function rowCount(form: FormData, name: string): number {
  return Math.min(Number(form.get(name)) || 0, MAX_ROWS);
}

function targetsFromForm(form: FormData) {
  return Array.from({ length: rowCount(form, 'targetCount') }, (_, i) => ({
    id: text(form, `targets.${i}.id`),
    metric: text(form, `targets.${i}.metric`) ?? '',
    comparator: text(form, `targets.${i}.comparator`),
    value: text(form, `targets.${i}.value`) ?? null,
    valueMax: text(form, `targets.${i}.valueMax`) ?? null,
    unit: text(form, `targets.${i}.unit`) ?? '',
  }));
}

/** The fields the new-task and the edit form share. */
function taskFieldsFromForm(form: FormData) {
  return {
    title: text(form, 'title') ?? '',
    leadUnitId: text(form, 'leadUnitId') ?? '',
    coUnitIds: formStrings(form, 'coUnitIds'),
    leaderIds: formStrings(form, 'leaderIds'),
    startDate: text(form, 'startDate'),
    deadline: text(form, 'deadline'),
    cadence: text(form, 'cadence'),
    importance: text(form, 'importance'),
    targets: targetsFromForm(form),
  };
}

/** The new-task form, for `taskInputSchema`. */
export function taskInputFromForm(form: FormData) {
  return { ...taskFieldsFromForm(form), description: text(form, 'description'), year: text(form, 'year'), planId: text(form, 'planId') };
}

/** The edit form, for `taskEditSchema`: a blank description clears it. */
export function taskEditFromForm(form: FormData) {
  return {
    ...taskFieldsFromForm(form),
    taskId: formString(form, 'taskId'),
    version: formString(form, 'version'),
    reason: formString(form, 'reason'),
    description: formString(form, 'description') ?? '',
  };
}

/** The split form, for `taskSplitSchema`. */
export function taskSplitFromForm(form: FormData) {
  return {
    taskId: formString(form, 'taskId'),
    version: formString(form, 'version'),
    parts: Array.from({ length: rowCount(form, 'partCount') }, (_, i) => ({
      title: text(form, `parts.${i}.title`) ?? '',
      leadUnitId: text(form, `parts.${i}.leadUnitId`) ?? '',
      deadline: text(form, `parts.${i}.deadline`),
      targetIds: formStrings(form, `parts.${i}.targetIds`),
    })),
  };
}
