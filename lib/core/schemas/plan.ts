import { z } from 'zod';
import { idSchema, isoDateSchema } from '@/lib/core/schemas/common';
import { targetInputSchema } from '@/lib/core/schemas/task';

export const PLAN_KINDS = ['WORK_PLAN', 'GOVERNMENT_REPORT', 'SPEECH', 'OTHER'] as const;
export const PLAN_KIND_LABELS: Record<(typeof PLAN_KINDS)[number], string> = {
  WORK_PLAN: '工作计划',
  GOVERNMENT_REPORT: '政府工作报告',
  SPEECH: '领导讲话',
  OTHER: '其他',
};

export const MAX_PLAN_TEXT_CHARS = 2_000_000;

export const planImportSchema = z.object({
  // Not trimmed: the SHA-256 that detects re-imports covers the original text exactly.
  text: z
    .string({ error: '请粘贴或上传文件' })
    .max(MAX_PLAN_TEXT_CHARS, '文件过大（上限约 5 MB）')
    .refine((text) => text.trim().length >= 10, '文件内容为空或过短'),
  sourceName: z.string().trim().max(200).optional(),
  title: z.string().trim().max(200).optional(),
  year: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效').optional()),
  kind: z.enum(PLAN_KINDS).default('WORK_PLAN'),
  /** The office saw that a nearly identical document was imported before and imports it anyway. */
  confirmDuplicate: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false),
});
export type PlanImportInput = z.infer<typeof planImportSchema>;

/** What the importer proposes for one plan item; the reviewer edits it before publishing. */
export const itemProposalSchema = z.object({
  title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长'),
  deadline: z.object({ date: isoDateSchema, text: z.string().nullable(), inferred: z.boolean() }),
  // A target may carry the deadline its own clause states (a step of the task).
  targets: z.array(targetInputSchema.and(z.object({ deadline: z.object({ text: z.string(), date: isoDateSchema }).optional() }))).max(30),
  ownerWords: z.object({ leaders: z.array(z.string()), leadUnits: z.array(z.string()), coUnits: z.array(z.string()) }),
  leadUnitId: idSchema.nullable(),
  leadUnitSource: z.enum(['document', 'inherited', 'correction', 'mention', 'keyword', 'reviewer']).nullable().default(null),
  coUnitIds: z.array(idSchema),
  leaderIds: z.array(idSchema),
});
export type ItemProposal = z.infer<typeof itemProposalSchema>;

export const planItemEditSchema = z.object({
  itemId: idSchema,
  kind: z.enum(['SECTION', 'TASK', 'REVIEW']).optional(),
  excluded: z.boolean().optional(),
  title: z.string().trim().min(2, '请填写任务名称').max(500, '任务名称过长').optional(),
  deadline: isoDateSchema.optional(),
  leadUnitId: idSchema.nullable().optional(),
  coUnitIds: z.array(idSchema).max(50).optional(),
  leaderIds: z.array(idSchema).max(10).optional(),
  targets: z.array(targetInputSchema).max(30).optional(),
});
export type PlanItemEdit = z.infer<typeof planItemEditSchema>;

export const planItemSplitSchema = z.object({
  itemId: idSchema,
  /** Character offset inside the item's text where the second item starts. */
  at: z.coerce.number().int().min(1, '拆分位置无效'),
});

/** 为未指定的任务统一设置牵头单位: one lead unit for every task item still without one. */
export const planLeadUnitFillSchema = z.object({
  planId: idSchema,
  leadUnitId: idSchema.describe('牵头单位'),
});

/** 转换为简体: `version` is the draft's working-text version the reviewer saw (draftTextVersion). */
export const planSimplifySchema = z.object({
  planId: idSchema,
  version: z.string().regex(/^[0-9a-f]{64}$/, '版本无效，请刷新后重试'),
});

/** Uploads the import form accepts (the server converts them to text, see lib/plan/source-file.ts). */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
export const PLAN_FILE_ACCEPT = '.txt,.docx,.xlsx';
