/**
 * Canonical serialisation and SHA-256 fingerprints for commitment letters (责任承诺书).
 *
 * A signed letter stores the hash of its content; anyone can later recompute it to prove
 * the letter is unchanged. The canonical form therefore ignores differences that carry no
 * meaning (key order, spacing, Unicode composition, 1.5 vs 1.50) and nothing else.
 */

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalNumber, normalizeText } from '@/lib/core/format/canonical-text';
import { TARGET_COMPARATORS, type TargetComparator } from '@/lib/core/targets/comparator';
import { targetText } from '@/lib/core/targets/target-text';
import { TASK_IMPORTANCES, TASK_IMPORTANCE_LABELS, type TaskImportance } from '@/lib/core/workflow/task-importance';

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasToJSON(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function serialize(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(normalizeText(value));
    case 'number':
      return canonicalNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      // undefined at top level or in an array, functions, symbols: nothing sensible to hash.
      throw new TypeError(`无法规范化的值类型：${typeof value}`);
  }

  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('无法规范化无效日期');
    return JSON.stringify(value.toISOString());
  }
  if (ancestors.has(value)) throw new TypeError('无法规范化循环引用');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item: unknown) => serialize(item, ancestors)).join(',')}]`;
    }
    if (!isPlainObject(value)) {
      // Values like Prisma's Decimal define toJSON; other class instances (Map, Set…) would
      // silently serialise as {} and are refused instead.
      if (hasToJSON(value)) return serialize(value.toJSON(), ancestors);
      throw new TypeError(`无法规范化的对象类型：${value.constructor?.name ?? 'unknown'}`);
    }
    const record = value as Record<string, unknown>;
    // Keys are identifiers, not user text: sorted (by UTF-16 code unit) but not normalised.
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${serialize(record[key], ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * Canonical JSON text: object keys sorted recursively, undefined members dropped, null kept,
 * array order kept, strings normalised (see `normalizeText`), numbers in plain decimal,
 * Dates as full ISO-8601 UTC timestamps. Throws on NaN/Infinity, invalid dates, cycles,
 * functions, symbols and non-plain objects without toJSON.
 */
export function canonicalize(value: unknown): string {
  return serialize(value, new Set());
}

/** Lowercase hex SHA-256 of the canonical UTF-8 text. */
export function hashCanonical(value: unknown): string {
  return createHash('sha256').update(canonicalize(value), 'utf8').digest('hex');
}

const HEX_PREFIX = /^[0-9a-f]{12}/i;

/** Short code printed on a letter for look-up: 'LS-8F3A-91C2-7D0E' (first 12 hex chars). */
export function verificationCode(hash: string): string {
  const match = HEX_PREFIX.exec(hash);
  if (!match) throw new RangeError('哈希值格式不正确');
  const hex = match[0].toUpperCase();
  return `LS-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

// ---------------------------------------------------------------------------
// Letter content

export interface CommitmentTarget {
  text: string;
  comparator: TargetComparator | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

export interface CommitmentTask {
  /** Stable task id; lets a diff follow a task through renumbering and edits. */
  taskId: string;
  seq: number;
  title: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** 牵头县领导 */
  leadLeader: string;
  /**
   * 重要程度 when not 一般 (the year-end assessment may weigh by it). Absent for 一般, so the letters
   * signed before tasks had an importance keep their content and hash.
   */
  importance?: Exclude<TaskImportance, 'NORMAL'>;
  targets: CommitmentTarget[];
}

export interface CommitmentContent {
  unit: { code: string; name: string };
  year: number;
  preamble: string;
  /** Tasks this unit leads (牵头). */
  leadTasks: CommitmentTask[];
  /** Tasks this unit supports (配合). */
  coTasks: CommitmentTask[];
}

const commitmentTargetSchema = z.object({
  text: z.string(),
  comparator: z.enum(TARGET_COMPARATORS).nullable(),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
});

const commitmentTaskSchema = z.object({
  taskId: z.string().min(1),
  seq: z.number().int(),
  title: z.string(),
  deadline: z.iso.date(),
  leadLeader: z.string(),
  importance: z.enum(TASK_IMPORTANCES).exclude(['NORMAL']).optional(),
  targets: z.array(commitmentTargetSchema),
});

/** Validates stored letter JSON; task ids must be unique across both lists. */
export const commitmentContentSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    preamble: z.string(),
    leadTasks: z.array(commitmentTaskSchema),
    coTasks: z.array(commitmentTaskSchema),
  })
  .refine((c) => new Set([...c.leadTasks, ...c.coTasks].map((t) => t.taskId)).size === c.leadTasks.length + c.coTasks.length, {
    message: '承诺书中任务重复',
  });

// ---------------------------------------------------------------------------
// Diff: why a signed letter no longer matches current plan data

export type CommitmentSection = 'lead' | 'co';

export const COMMITMENT_SECTION_LABELS: Record<CommitmentSection, string> = {
  lead: '牵头任务',
  co: '配合任务',
};

export type CommitmentLetterField = 'unit' | 'year' | 'preamble';

export const COMMITMENT_LETTER_FIELD_LABELS: Record<CommitmentLetterField, string> = {
  unit: '责任单位',
  year: '年度',
  preamble: '承诺书正文',
};

export type CommitmentTaskField = 'section' | 'seq' | 'title' | 'deadline' | 'leadLeader' | 'importance' | 'targets';

export const COMMITMENT_TASK_FIELD_LABELS: Record<CommitmentTaskField, string> = {
  section: '承担方式',
  seq: '序号',
  title: '任务名称',
  deadline: '完成时限',
  leadLeader: '牵头县领导',
  importance: '重要程度',
  targets: '目标指标',
};

export interface FieldChange<F extends string> {
  field: F;
  label: string;
  before: string;
  after: string;
}

export type CommitmentChange =
  | ({ type: 'letterChanged' } & FieldChange<CommitmentLetterField>)
  | { type: 'taskAdded'; taskId: string; section: CommitmentSection; title: string }
  | { type: 'taskRemoved'; taskId: string; section: CommitmentSection; title: string }
  /** Same tasks in a section, listed in a different order (the hash covers list order). */
  | { type: 'tasksReordered'; section: CommitmentSection }
  | {
      type: 'taskChanged';
      taskId: string;
      /** Section and title as they are now. */
      section: CommitmentSection;
      title: string;
      fields: FieldChange<CommitmentTaskField>[];
    };

interface PlacedTask {
  section: CommitmentSection;
  task: CommitmentTask;
}

function placeTasks(content: CommitmentContent): Map<string, PlacedTask> {
  const placed = new Map<string, PlacedTask>();
  const add = (section: CommitmentSection, task: CommitmentTask) => {
    if (placed.has(task.taskId)) throw new Error(`承诺书中任务重复：${task.taskId}`);
    placed.set(task.taskId, { section, task });
  };
  content.leadTasks.forEach((task) => add('lead', task));
  content.coTasks.forEach((task) => add('co', task));
  return placed;
}

/** Equality as the hash sees it, so a diff is empty exactly when hashes match. */
function sameCanonical(a: unknown, b: unknown): boolean {
  return canonicalize(a) === canonicalize(b);
}

function taskFieldText(placed: PlacedTask, field: CommitmentTaskField): string {
  const { task } = placed;
  switch (field) {
    case 'section':
      return placed.section === 'lead' ? '牵头' : '配合';
    case 'seq':
      return canonicalNumber(task.seq);
    case 'targets':
      return task.targets.map((target) => targetText(target.text, target)).join('；');
    case 'importance':
      return TASK_IMPORTANCE_LABELS[task.importance ?? 'NORMAL'];
    default:
      return normalizeText(task[field]);
  }
}

function taskFieldChanged(before: PlacedTask, after: PlacedTask, field: CommitmentTaskField): boolean {
  if (field === 'section') return before.section !== after.section;
  // Absent is 一般; the hash sees exactly this difference (an absent member is not serialised).
  if (field === 'importance') return before.task.importance !== after.task.importance;
  return !sameCanonical(before.task[field], after.task[field]);
}

/** Ids, in `letter` order, of tasks that sit in `section` in both letters. */
function idsKeptInSection(
  letter: Map<string, PlacedTask>,
  other: Map<string, PlacedTask>,
  section: CommitmentSection,
): string[] {
  return [...letter]
    .filter(([id, placed]) => placed.section === section && other.get(id)?.section === section)
    .map(([id]) => id);
}

const TASK_FIELDS: readonly CommitmentTaskField[] = ['section', 'seq', 'title', 'deadline', 'leadLeader', 'importance', 'targets'];

/**
 * Changes from `before` (the signed letter) to `after` (current data): letter-level fields
 * first, then changed/added tasks in the new letter's order, then reordering, then removed
 * tasks. The list is empty exactly when the two hashes are equal: differences the hash
 * ignores (spacing, key order, 1.5 vs 1.50) are not changes, and everything it covers is.
 */
export function diffCommitmentContent(before: CommitmentContent, after: CommitmentContent): CommitmentChange[] {
  const changes: CommitmentChange[] = [];

  const letterField = (field: CommitmentLetterField, b: string, a: string, differs: boolean) => {
    if (differs) changes.push({ type: 'letterChanged', field, label: COMMITMENT_LETTER_FIELD_LABELS[field], before: b, after: a });
  };
  const unitText = (c: CommitmentContent) => `${normalizeText(c.unit.name)}（${normalizeText(c.unit.code)}）`;
  letterField('unit', unitText(before), unitText(after), !sameCanonical(before.unit, after.unit));
  letterField('year', canonicalNumber(before.year), canonicalNumber(after.year), before.year !== after.year);
  letterField('preamble', normalizeText(before.preamble), normalizeText(after.preamble), !sameCanonical(before.preamble, after.preamble));

  const oldTasks = placeTasks(before);
  const newTasks = placeTasks(after);

  for (const [taskId, current] of newTasks) {
    const previous = oldTasks.get(taskId);
    const title = normalizeText(current.task.title);
    if (!previous) {
      changes.push({ type: 'taskAdded', taskId, section: current.section, title });
      continue;
    }
    const fields = TASK_FIELDS.filter((field) => taskFieldChanged(previous, current, field)).map((field) => ({
      field,
      label: COMMITMENT_TASK_FIELD_LABELS[field],
      before: taskFieldText(previous, field),
      after: taskFieldText(current, field),
    }));
    if (fields.length > 0) changes.push({ type: 'taskChanged', taskId, section: current.section, title, fields });
  }

  for (const section of ['lead', 'co'] as const) {
    const oldOrder = idsKeptInSection(oldTasks, newTasks, section);
    const newOrder = idsKeptInSection(newTasks, oldTasks, section);
    if (oldOrder.some((id, i) => newOrder[i] !== id)) changes.push({ type: 'tasksReordered', section });
  }

  for (const [taskId, previous] of oldTasks) {
    if (!newTasks.has(taskId)) {
      changes.push({ type: 'taskRemoved', taskId, section: previous.section, title: normalizeText(previous.task.title) });
    }
  }
  return changes;
}

/** One Chinese sentence per change, for the "承诺书已过期" notice. */
export function describeCommitmentChange(change: CommitmentChange): string {
  switch (change.type) {
    case 'letterChanged':
      return change.field === 'preamble'
        ? `${change.label}已修改`
        : `${change.label}由“${change.before}”改为“${change.after}”`;
    case 'taskAdded':
      return `新增${COMMITMENT_SECTION_LABELS[change.section]}：${change.title}`;
    case 'taskRemoved':
      return `删除${COMMITMENT_SECTION_LABELS[change.section]}：${change.title}`;
    case 'tasksReordered':
      return `${COMMITMENT_SECTION_LABELS[change.section]}顺序已调整`;
    case 'taskChanged':
      return `任务“${change.title}”${change.fields
        .map((f) => `${f.label}由“${f.before}”改为“${f.after}”`)
        .join('；')}`;
  }
}
