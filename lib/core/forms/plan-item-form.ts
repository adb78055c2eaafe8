// The review screen's per-item editor form. The browser sends only the field groups the reviewer
// changed (listed in `fields`), so an untouched inferred deadline stays inferred. Pure: shared by
// the client form and the server action.
import { formStrings, formText } from '@/lib/core/forms/form-data';
import type { Proposal } from '@/lib/core/plan/proposal';

export const ITEM_FIELD_GROUPS = ['title', 'leadUnitId', 'coUnitIds', 'leaderIds', 'deadline', 'targets'] as const;
export type ItemFieldGroup = (typeof ITEM_FIELD_GROUPS)[number];
export type ItemFormValues = Record<ItemFieldGroup, string>;

type TargetRow = { metric: string; comparator: string; value: string; valueMax: string; unit: string; placeholder: boolean };

const numberText = (value: number | null) => (value === null ? '' : String(value));
const idList = (ids: string[]) => [...ids].sort().join(',');

/** The form's values as first rendered from a proposal, one string per field group. */
export function proposalFormValues(proposal: Proposal): ItemFormValues {
  return {
    title: proposal.title.trim(),
    leadUnitId: proposal.leadUnitId ?? '',
    coUnitIds: idList(proposal.coUnitIds),
    leaderIds: idList(proposal.leaderIds),
    deadline: proposal.deadline.date,
    targets: JSON.stringify(
      proposal.targets.map((t): TargetRow => ({
        metric: t.metric.trim(),
        comparator: t.comparator,
        value: numberText(t.value),
        valueMax: numberText(t.valueMax),
        unit: t.unit.trim(),
        placeholder: t.placeholder,
      })),
    ),
  };
}

const text = (form: FormData, name: string) => formText(form, name).trim();

/** Target rows posted as targets.<n>.metric, targets.<n>.comparator, … in row order. */
function targetRows(form: FormData): TargetRow[] {
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = /^targets\.(\d+)\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({
      metric: text(form, `targets.${i}.metric`),
      comparator: text(form, `targets.${i}.comparator`),
      value: text(form, `targets.${i}.value`),
      valueMax: text(form, `targets.${i}.valueMax`),
      unit: text(form, `targets.${i}.unit`),
      placeholder: form.has(`targets.${i}.placeholder`),
    }));
}

/** The same strings read back from a submitted form; groups the form does not render are absent. */
export function submittedFormValues(form: FormData): Partial<ItemFormValues> {
  const values: Partial<ItemFormValues> = {};
  if (form.has('title')) values.title = text(form, 'title');
  if (form.has('leadUnitId')) values.leadUnitId = text(form, 'leadUnitId');
  if (form.has('coUnitIds.shown')) values.coUnitIds = idList(formStrings(form, 'coUnitIds'));
  if (form.has('leaderIds.shown')) values.leaderIds = idList(formStrings(form, 'leaderIds'));
  if (form.has('deadline')) values.deadline = text(form, 'deadline');
  if (form.has('targets.shown')) values.targets = JSON.stringify(targetRows(form));
  return values;
}

/** Field groups whose submitted value differs from what the form was rendered with. */
export function changedFieldGroups(initial: ItemFormValues, form: FormData): ItemFieldGroup[] {
  const submitted = submittedFormValues(form);
  return ITEM_FIELD_GROUPS.filter((group) => submitted[group] !== undefined && submitted[group] !== initial[group]);
}

/** The updatePlanItem input for the groups named in the form's `fields` list. */
export function planItemEditFromForm(form: FormData): Record<string, unknown> {
  const fields = new Set(text(form, 'fields').split(','));
  const input: Record<string, unknown> = { itemId: text(form, 'itemId') };
  if (fields.has('title')) input.title = text(form, 'title');
  if (fields.has('leadUnitId')) input.leadUnitId = text(form, 'leadUnitId') || null;
  if (fields.has('coUnitIds')) input.coUnitIds = formStrings(form, 'coUnitIds');
  if (fields.has('leaderIds')) input.leaderIds = formStrings(form, 'leaderIds');
  if (fields.has('deadline')) input.deadline = text(form, 'deadline');
  if (fields.has('targets')) input.targets = targetRows(form);
  return input;
}
