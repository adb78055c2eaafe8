import { z } from 'zod';
import { DIRECT_TASK_ACTIONS } from '@/lib/core/workflow/task-status';
import { idSchema } from '@/lib/core/schemas/common';

/** 签收 / 开始办理 / 同意销号 / 退回 / 重新办理; the state machine decides whether a reason is required. */
export const taskTransitionSchema = z.object({
  taskId: idSchema,
  version: z.coerce.number({ error: '版本号无效' }).int().min(1, '版本号无效'),
  action: z.enum(DIRECT_TASK_ACTIONS, { error: '操作无效' }),
  reason: z.string().trim().max(1000, '理由不超过 1000 字').optional(),
});
export type TaskTransitionInput = z.infer<typeof taskTransitionSchema>;
