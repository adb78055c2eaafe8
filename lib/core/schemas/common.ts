import { z } from 'zod';
import './zod-config';

/** Text PostgreSQL cannot store (a NUL byte) anywhere in an input; the path of the first, or null. */
export function findNulByte(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulByte(item, [...path, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulByte(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export const NUL_BYTE_MESSAGE = '内容包含无法保存的空字符（NUL），请删除后重试';

/** A calendar date typed as YYYY-MM-DD (what <input type="date"> sends). */
export const isoDateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), '日期无效');

export const idSchema = z.string({ error: '请选择' }).trim().min(1, '请选择').max(64, '编号无效');

/** Turns a zod error into the `{ fieldErrors, message }` shape every form shows. */
export function formErrors(error: z.ZodError): { fieldErrors: Record<string, string[]>; message: string } {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors, message: error.issues[0]?.message ?? '输入有误' };
}

/** Dates are stored as @db.Date: midnight UTC of the calendar day. */
export function dateFromIso(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function isoFromDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
