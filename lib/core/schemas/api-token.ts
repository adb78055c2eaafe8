import { z } from 'zod';
import { idSchema } from '@/lib/core/schemas/common';
import { API_TOKEN_MAX_DAYS, API_TOKEN_SCOPES } from '@/lib/core/api/api-token';

/** Issuing a token. An integration token names the account it acts as; a personal one acts as its owner. */
export const apiTokenIssueSchema = z.object({
  name: z.string({ error: '请填写令牌名称' }).trim().min(1, '请填写令牌名称').max(60, '令牌名称不超过 60 字'),
  scope: z.enum(API_TOKEN_SCOPES, { error: '请选择权限范围' }),
  expiresInDays: z.coerce
    .number({ error: '请填写有效天数' })
    .int('有效天数应为整数')
    .min(1, `有效天数应在 1–${API_TOKEN_MAX_DAYS} 之间`)
    .max(API_TOKEN_MAX_DAYS, `有效天数应在 1–${API_TOKEN_MAX_DAYS} 之间`),
  actingUserId: idSchema.optional(),
});
export type ApiTokenIssueInput = z.infer<typeof apiTokenIssueSchema>;

export const apiTokenRevokeSchema = z.object({ tokenId: idSchema });
