/**
 * The 考核办法 form: one input per number of the scheme, named by its path (rates.onTimeRate, …),
 * so the page renders from this list and the action rebuilds the scheme from the submitted fields.
 */
import { BONUS_KINDS, BONUS_LABELS, DEDUCTION_KINDS, DEDUCTION_LABELS, type AssessmentScheme } from '@/lib/core/assessment/scheme';
import { TASK_IMPORTANCES, TASK_IMPORTANCE_LABELS } from '@/lib/core/workflow/task-importance';

export interface SchemeField {
  path: string;
  label: string;
  hint?: string;
  /** A choice instead of a number ('true' and 'false' are read as booleans). */
  choices?: readonly { value: string; label: string }[];
}

export interface SchemeFieldGroup {
  legend: string;
  fields: SchemeField[];
}

export const SCHEME_FIELD_GROUPS: readonly SchemeFieldGroup[] = [
  {
    legend: '按比率计分（牵头任务）',
    fields: [
      { path: 'rates.onTimeRate', label: '按时完成率满分', hint: '× 按期销号 ÷（已销号 + 逾期）' },
      { path: 'rates.onTrackShare', label: '正常推进率满分', hint: '×（绿灯 + 已销号）÷ 牵头任务数' },
    ],
  },
  {
    legend: '按任务计分',
    fields: [
      { path: 'tasks.taskPoints', label: '任务分总分', hint: '按权重分配到承诺书各项任务' },
      {
        path: 'tasks.per',
        label: '分配方式',
        choices: [
          { value: 'task', label: '每项任务同等' },
          { value: 'target', label: '按量化指标数' },
        ],
      },
      { path: 'tasks.leadWeight', label: '牵头任务权重' },
      { path: 'tasks.coWeight', label: '配合任务权重' },
    ],
  },
  {
    legend: '按任务重要程度加权',
    fields: [
      {
        path: 'importance.enabled',
        label: '任务重要程度',
        hint: '加权时任务分再乘以所列权重（以承诺书签署时的重要程度为准）',
        choices: [
          { value: 'false', label: '不加权' },
          { value: 'true', label: '按任务重要程度加权' },
        ],
      },
      ...TASK_IMPORTANCES.map((level) => ({ path: `importance.weights.${level}`, label: `${TASK_IMPORTANCE_LABELS[level]}任务权重` })),
    ],
  },
  {
    legend: '指标完成程度',
    fields: [
      { path: 'achievement.partialCredit', label: '未完成指标折算比例', hint: '0–1；0 为未完成不得分' },
      { path: 'achievement.approxTolerance', label: '“左右”允许偏差', hint: '0–1，如 0.05 即 ±5%' },
      { path: 'achievement.exceedMargin', label: '超额完成幅度', hint: '0–1，如 0.1 即超出 10%' },
    ],
  },
  {
    legend: '扣分（每次分值 / 封顶）',
    fields: DEDUCTION_KINDS.flatMap((kind) => [
      { path: `deductions.${kind}.points`, label: `${DEDUCTION_LABELS[kind]}每次扣分` },
      { path: `deductions.${kind}.cap`, label: `${DEDUCTION_LABELS[kind]}最多扣分` },
    ]),
  },
  {
    legend: '加分（每项分值 / 封顶）',
    fields: [
      ...BONUS_KINDS.flatMap((kind) => [
        { path: `bonuses.${kind}.points`, label: `${BONUS_LABELS[kind]}每项加分` },
        { path: `bonuses.${kind}.cap`, label: `${BONUS_LABELS[kind]}最多加分` },
      ]),
      { path: 'bonuses.closedEarly.days', label: '提前完成至少天数' },
    ],
  },
];

/** The value at a field's path, as the input shows it. */
export function schemeFieldValue(scheme: AssessmentScheme, path: string): string {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], scheme);
  return String(value);
}

/**
 * The scheme as submitted: `name` and every field of the list, numbers as numbers (anything that is
 * not a number is passed on as typed, for the schema to refuse with the field's message).
 */
export function schemeFromFields(read: (name: string) => string | null): unknown {
  const scheme: Record<string, unknown> = { name: read('name') ?? '' };
  for (const field of SCHEME_FIELD_GROUPS.flatMap((group) => group.fields)) {
    const raw = (read(field.path) ?? '').trim();
    const number = raw === '' ? Number.NaN : Number(raw);
    const choice = raw === 'true' ? true : raw === 'false' ? false : raw;
    const value = field.choices ? choice : Number.isFinite(number) ? number : raw;
    const keys = field.path.split('.');
    let node = scheme;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return scheme;
}
