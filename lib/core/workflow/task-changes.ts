/**
 * What an edit of a published task changes: which fields (for the audit row and the units' notice)
 * and which units gain, lose or keep the task (each is told).
 */

/** The fields the office may change on a published task, as compared and recorded. */
export interface EditableTask {
  title: string;
  description: string | null;
  leadUnitId: string;
  coUnitIds: readonly string[];
  leaderIds: readonly string[];
  startDate: string;
  deadline: string;
  cadence: string;
  importance: string;
  /** Targets in order, as plain values (figures as numbers), each with its stored id if it has one. */
  targets: readonly unknown[];
}

export type EditableTaskField = keyof EditableTask;

export const TASK_FIELD_LABELS: Record<EditableTaskField, string> = {
  title: '任务名称',
  description: '任务说明',
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  leaderIds: '牵头领导',
  startDate: '开始日期',
  deadline: '完成时限',
  cadence: '调度频次',
  importance: '重要程度',
  targets: '量化指标',
};

const FIELDS = Object.keys(TASK_FIELD_LABELS) as EditableTaskField[];

/** Unit and leader lists compare as sets; targets in order. */
function comparable(task: EditableTask, field: EditableTaskField): string {
  const value = task[field];
  if (field === 'coUnitIds' || field === 'leaderIds') return JSON.stringify([...(value as string[])].sort());
  return JSON.stringify(value ?? null);
}

/** The fields whose values differ, in form order. */
export function changedTaskFields(before: EditableTask, after: EditableTask): EditableTaskField[] {
  return FIELDS.filter((field) => comparable(before, field) !== comparable(after, field));
}

/** Only the changed fields of each side, for an audit row that shows what the edit did. */
export function taskChangeSnapshots(before: EditableTask, after: EditableTask, fields: readonly EditableTaskField[]) {
  const pick = (task: EditableTask) => Object.fromEntries(fields.map((field) => [field, task[field]]));
  return { before: pick(before), after: pick(after) };
}

export interface UnitAssignment {
  leadUnitId: string;
  coUnitIds: readonly string[];
}

/** Units that newly see the task, no longer see it, and still see it (lead or co-unit either way). */
export function unitAssignmentChanges(before: UnitAssignment, after: UnitAssignment) {
  const was = new Set([before.leadUnitId, ...before.coUnitIds]);
  const is = new Set([after.leadUnitId, ...after.coUnitIds]);
  return {
    gained: [...is].filter((id) => !was.has(id)),
    lost: [...was].filter((id) => !is.has(id)),
    kept: [...is].filter((id) => was.has(id)),
  };
}
