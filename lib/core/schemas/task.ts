import { z } from 'zod';
import { TARGET_COMPARATORS } from '@/lib/core/targets/comparator';
import { REPORT_CADENCES } from '@/lib/core/schedule/cadence';
import { TASK_IMPORTANCES } from '@/lib/core/workflow/task-importance';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';

const optionalNumber = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : Number(value)),
  z.number({ error: '请输入数字' }).finite('请输入有效数字').nullable(),
);

const targetFields = {
  metric: z.string().trim().min(1, '请填写指标').max(300, '指标描述过长'),
  comparator: z.enum(TARGET_COMPARATORS, { error: '比较方式无效' }),
  value: optionalNumber,
  valueMax: optionalNumber,
  unit: z.string().trim().max(20, '单位过长').default(''),
  placeholder: z.boolean().default(false),
};

type TargetFigure = { comparator: string; value: number | null; valueMax: number | null; placeholder: boolean };

/** A target's figure rules, shared by new targets and edited ones. */
function withFigureRules<S extends z.ZodType<TargetFigure>>(schema: S) {
  return schema
    .refine((t) => t.placeholder || t.value !== null, { message: '请填写目标值', path: ['value'] })
    .refine((t) => t.comparator !== 'range' || (t.valueMax !== null && t.value !== null && t.valueMax >= t.value), {
      message: '区间上限应不小于下限',
      path: ['valueMax'],
    });
}

export const targetInputSchema = withFigureRules(z.object(targetFields));

/** A target on the edit form: with the id of the stored target it changes (which keeps its actual value), or new. */
export const targetEditSchema = withFigureRules(z.object({ ...targetFields, id: idSchema.optional() }));

export const taskInputSchema = z
  .object({
    title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长'),
    description: z.string().trim().max(5000, '任务说明过长').optional(),
    sourceText: z.string().max(5000).optional(),
    year: z.coerce.number({ error: '年度无效' }).int().min(2000, '年度无效').max(2100, '年度无效'),
    planId: idSchema.optional(),
    leadUnitId: idSchema.describe('牵头单位'),
    coUnitIds: z.array(idSchema).max(50).default([]),
    leaderIds: z.array(idSchema).max(10).default([]),
    startDate: isoDateSchema,
    deadline: isoDateSchema,
    deadlineText: z.string().trim().max(100).optional(),
    deadlineInferred: z.boolean().default(false),
    cadence: z.enum(REPORT_CADENCES).default('MONTHLY'),
    importance: z.enum(TASK_IMPORTANCES, { error: '重要程度无效' }).default('NORMAL'),
    targets: z.array(targetInputSchema).max(30, '指标过多').default([]),
  })
  .refine((t) => t.deadline >= t.startDate, { message: '完成时限不能早于开始日期', path: ['deadline'] })
  .refine((t) => !t.coUnitIds.includes(t.leadUnitId), { message: '配合单位不能与牵头单位相同', path: ['coUnitIds'] });

export type TaskInput = z.infer<typeof taskInputSchema>;
export type TargetInput = z.infer<typeof targetInputSchema>;

const reasonSchema = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(500, `${label}过长`);

/**
 * 修改 a published task (督查室). Fields left out stay as they are; the form sends them all.
 * `targets`, when sent, is the whole new list: stored targets keep their id, missing ones are removed.
 */
export const taskEditSchema = z.object({
  taskId: idSchema,
  version: z.coerce.number({ error: '版本无效' }).int().min(1),
  reason: reasonSchema('修改理由'),
  title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长').optional(),
  description: z.string().trim().max(5000, '任务说明过长').optional(),
  leadUnitId: idSchema.optional(),
  coUnitIds: z.array(idSchema).max(50).optional(),
  leaderIds: z.array(idSchema).max(10).optional(),
  startDate: isoDateSchema.optional(),
  deadline: isoDateSchema.optional(),
  cadence: z.enum(REPORT_CADENCES).optional(),
  importance: z.enum(TASK_IMPORTANCES, { error: '重要程度无效' }).optional(),
  targets: z.array(targetEditSchema).max(30, '指标过多').optional(),
});
export type TaskEdit = z.infer<typeof taskEditSchema>;

/** 撤销 a task (督查室), with the reason the units will read. */
export const taskCancelSchema = z.object({
  taskId: idSchema,
  version: z.coerce.number({ error: '版本无效' }).int().min(1),
  reason: reasonSchema('撤销理由'),
});

/** One part of a split: its own title, lead unit and deadline, and which of the original's targets it takes. */
export const taskSplitPartSchema = z.object({
  title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长'),
  leadUnitId: idSchema.describe('牵头单位'),
  deadline: isoDateSchema,
  /** Targets of the original: one chosen by several parts is copied to each, by one part moved to it. */
  targetIds: z.array(idSchema).max(30).default([]),
});

/** 拆分 a task into several (督查室): the original is cancelled, each part records where it came from. */
export const taskSplitSchema = z.object({
  taskId: idSchema,
  version: z.coerce.number({ error: '版本无效' }).int().min(1),
  parts: z.array(taskSplitPartSchema).min(2, '至少拆分为两项任务').max(10, '一次最多拆分为10项'),
});
export type TaskSplit = z.infer<typeof taskSplitSchema>;
