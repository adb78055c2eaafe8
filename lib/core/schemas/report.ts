import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { BULK_MAX_ITEMS } from '@/lib/core/bulk/outcome';

const actualSchema = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : typeof value === 'string' ? Number(value.replace(/,/g, '')) : value),
  z.number({ error: '实际值应为数字' }).finite('实际值应为数字').min(-1e15, '实际值超出范围').max(1e15, '实际值超出范围').nullable(),
);

const progressReportFields = z.object({
  taskId: idSchema,
  // Required: without it a report would silently overwrite the lead unit's concurrent edits.
  version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1, '版本号无效'),
  periodKey: z.string().trim().max(40, '报送期次无效').optional(),
  narrative: z.string({ error: '请填写工作进展' }).trim().min(1, '请填写工作进展').max(5000, '工作进展不超过 5000 字'),
  // Blank is missing, not 0 (z.coerce alone would turn '' into 0).
  percent: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce
      .number({ error: '请填写完成百分比' })
      .int('完成百分比应为整数')
      .min(0, '完成百分比应在 0–100 之间')
      .max(100, '完成百分比应在 0–100 之间'),
  ),
  targetActuals: z.array(z.object({ targetId: idSchema, actual: actualSchema })).max(30).default([]),
  closureRequest: z.boolean().default(false),
});
const distinctTargets = (r: { targetActuals: { targetId: string }[] }) => new Set(r.targetActuals.map((t) => t.targetId)).size === r.targetActuals.length;
const DISTINCT_TARGETS = { message: '同一指标只能填写一次', path: ['targetActuals'] };

/** 进度报送. A blank actual means "not reported this time" and leaves the target's figure as it is. */
export const progressReportSchema = progressReportFields.refine(distinctTargets, DISTINCT_TARGETS);
/** The same report as the API's JSON body (/api/v1/tasks/{id}/reports), where the URL names the task. */
export const progressReportBodySchema = progressReportFields.omit({ taskId: true }).refine(distinctTargets, DISTINCT_TARGETS);
export type ProgressReportInput = z.infer<typeof progressReportSchema>;

/** 审核进度报告: returning needs a reason the unit can act on. */
export const reportReviewSchema = z
  .object({
    reportId: idSchema,
    decision: z.enum(['accept', 'return'], { error: '请选择审核结果' }),
    reason: z.string().trim().max(1000, '理由不超过 1000 字').optional(),
    /** The task version the reviewer saw: a review that closes or returns the task edits it. */
    version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1, '版本号无效'),
  })
  .refine((r) => r.decision !== 'return' || Boolean(r.reason), { message: '请填写退回理由', path: ['reason'] });
export type ReportReviewInput = z.infer<typeof reportReviewSchema>;

/** 批量审核: the same decision (and, to return, one reason) for several reports. */
export const bulkReportReviewSchema = z
  .object({
    reportIds: z.array(idSchema).min(1, '请至少选择一份报告').max(BULK_MAX_ITEMS, `一次最多审核 ${BULK_MAX_ITEMS} 份`),
    decision: z.enum(['accept', 'return'], { error: '请选择审核结果' }),
    reason: z.string().trim().max(1000, '理由不超过 1000 字').optional(),
  })
  .refine((r) => r.decision !== 'return' || Boolean(r.reason), { message: '请填写退回理由', path: ['reason'] });
