import { z } from 'zod';

/** A bulletin period: a month, YYYY-MM. */
export const bulletinPeriodSchema = z
  .string({ error: '请选择月份' })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const issueBulletinSchema = z.object({ period: bulletinPeriodSchema });

/** /bulletins?period=YYYY-MM; a missing or malformed period means the default (last month). */
export const bulletinPageParamsSchema = z.object({ period: bulletinPeriodSchema.optional().catch(undefined) });
