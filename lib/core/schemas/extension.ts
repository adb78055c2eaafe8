import { z } from 'zod';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';

/** 延期申请: a new deadline and why. */
export const extensionRequestSchema = z.object({
  taskId: idSchema,
  requestedDeadline: isoDateSchema,
  reason: z.string({ error: '请填写延期理由' }).trim().min(1, '请填写延期理由').max(1000, '延期理由不超过 1000 字'),
});
export type ExtensionRequestInput = z.infer<typeof extensionRequestSchema>;

/** 批准或驳回延期; rejecting needs a reason. */
export const extensionDecisionSchema = z
  .object({
    extensionId: idSchema,
    decision: z.enum(['approve', 'reject'], { error: '请选择审批结果' }),
    reason: z.string().trim().max(1000, '理由不超过 1000 字').optional(),
    /** The task version the office saw: approving moves the task's deadline. */
    version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().min(1, '版本号无效'),
  })
  .refine((d) => d.decision !== 'reject' || Boolean(d.reason), { message: '请填写驳回理由', path: ['reason'] });
export type ExtensionDecisionInput = z.infer<typeof extensionDecisionSchema>;
