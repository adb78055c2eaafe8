import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { COMMITMENT_TRACKING_STATES } from '@/lib/core/commitment/tracking';

export const commitmentYearSchema = z.coerce.number({ error: '年度无效' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效');

/** A unit's letter for a plan year (generate, amend). */
export const commitmentKeySchema = z.object({
  unitId: idSchema,
  year: commitmentYearSchema,
});

export const commitmentVersionSchema = z.object({ versionId: idSchema });

export const commitmentPreambleSchema = z.object({
  versionId: idSchema,
  preamble: z.string().trim().min(10, '承诺书正文不能少于10个字').max(5000, '承诺书正文过长'),
});

/** Signing: the hash the signer saw on the page, and the password entered again. */
export const commitmentSignSchema = z.object({
  versionId: idSchema,
  signedHash: z.string().regex(/^[0-9a-f]{64}$/, '承诺书哈希值无效'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(200, '密码过长'),
});

export const commitmentListSchema = z.object({
  year: commitmentYearSchema.optional().catch(undefined),
  state: z.enum(COMMITMENT_TRACKING_STATES).optional().catch(undefined),
});

export const commitmentLookupSchema = z.object({
  q: z.string().trim().max(500, '输入过长').optional().catch(undefined),
});

export const VERIFY_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** A letter PDF (or a text file holding the hash or code) uploaded on the verification page. */
export const verifyUploadSchema = z.object({
  file: z
    .instanceof(File, { error: '请选择文件' })
    .refine((file) => file.size > 0, '请选择文件')
    .refine((file) => file.size <= VERIFY_UPLOAD_MAX_BYTES, '文件不能超过10MB'),
});
