import { z } from 'zod';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';
import { BULK_MAX_ITEMS } from '@/lib/core/bulk/outcome';

export const SUPERVISION_KINDS = ['URGE', 'SUPERVISE', 'INSTRUCTION'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = {
  URGE: '催办',
  SUPERVISE: '督办',
  INSTRUCTION: '批示',
};

const optionalIsoDate = z.preprocess((value) => (value === '' || value === null ? undefined : value), isoDateSchema.optional());

/** 催办 / 督办 / 批示 on one task. A 督办 must say by when the unit answers. */
export const supervisionInputSchema = z
  .object({
    taskId: idSchema,
    kind: z.enum(SUPERVISION_KINDS, { error: '督办类型无效' }),
    text: z.string({ error: '请填写内容' }).trim().min(2, '请填写内容（至少2个字）').max(2000, '内容过长（最多2000字）'),
    responseDue: optionalIsoDate,
  })
  .refine((input) => input.kind !== 'SUPERVISE' || input.responseDue !== undefined, {
    message: '督办须填写答复期限',
    path: ['responseDue'],
  });
export type SupervisionInput = z.infer<typeof supervisionInputSchema>;

/** 批量催办: one text to the lead units of several tasks. */
export const bulkUrgeSchema = z.object({
  taskIds: z.array(idSchema).min(1, '请至少选择一项任务').max(BULK_MAX_ITEMS, `一次最多催办 ${BULK_MAX_ITEMS} 项`),
  text: z.string({ error: '请填写内容' }).trim().min(2, '请填写催办内容（至少2个字）').max(2000, '内容过长（最多2000字）'),
});

/** The recipient unit's answer to a 督办. */
export const supervisionResponseSchema = z.object({
  supervisionId: idSchema,
  response: z.string({ error: '请填写答复内容' }).trim().min(2, '请填写答复内容（至少2个字）').max(2000, '答复过长（最多2000字）'),
});
export type SupervisionResponse = z.infer<typeof supervisionResponseSchema>;
