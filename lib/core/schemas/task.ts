import { z } from 'zod';
import { TARGET_COMPARATORS } from '@/lib/core/targets/comparator';
import { REPORT_CADENCES } from '@/lib/core/schedule/cadence';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';

const optionalNumber = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : Number(value)),
  z.number({ error: '请输入数字' }).finite('请输入有效数字').nullable(),
);

export const targetInputSchema = z
  .object({
    metric: z.string().trim().min(1, '请填写指标').max(300, '指标描述过长'),
    comparator: z.enum(TARGET_COMPARATORS, { error: '比较方式无效' }),
    value: optionalNumber,
    valueMax: optionalNumber,
    unit: z.string().trim().max(20, '单位过长').default(''),
    placeholder: z.boolean().default(false),
  })
  .refine((t) => t.placeholder || t.value !== null, { message: '请填写目标值', path: ['value'] })
  .refine((t) => t.comparator !== 'range' || (t.valueMax !== null && t.value !== null && t.valueMax >= t.value), {
    message: '区间上限应不小于下限',
    path: ['valueMax'],
  });

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
    targets: z.array(targetInputSchema).max(30, '指标过多').default([]),
  })
  .refine((t) => t.deadline >= t.startDate, { message: '完成时限不能早于开始日期', path: ['deadline'] })
  .refine((t) => !t.coUnitIds.includes(t.leadUnitId), { message: '配合单位不能与牵头单位相同', path: ['coUnitIds'] });

export type TaskInput = z.infer<typeof taskInputSchema>;
export type TargetInput = z.infer<typeof targetInputSchema>;

export const taskUpdateSchema = z.object({
  taskId: idSchema,
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长').optional(),
  description: z.string().trim().max(5000).optional(),
  leadUnitId: idSchema.optional(),
  coUnitIds: z.array(idSchema).max(50).optional(),
  leaderIds: z.array(idSchema).max(10).optional(),
  startDate: isoDateSchema.optional(),
  deadline: isoDateSchema.optional(),
  cadence: z.enum(REPORT_CADENCES).optional(),
});
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;
