// Every zod message a user can meet is Chinese (z.config in lib/core/schemas/common.ts).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findNulByte } from '@/lib/core/schemas/common';
import { progressReportSchema } from '@/lib/core/schemas/report';

const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};
const CHINESE = /[\u4e00-\u9fff]/;

describe('zod messages', () => {
  it('are Chinese where a schema words none itself', () => {
    expect(messages(z.enum(['WORK_PLAN', 'SPEECH']), 'x')).toEqual(['选项无效，请重新选择']);
    expect(messages(z.coerce.number().int(), 'abc')).toEqual(['请输入数字']);
    expect(messages(z.coerce.number().int(), '1e400')).toEqual(['数字超出范围']);
    expect(messages(z.coerce.number().int().max(2100), '2101')).toEqual(['数值过大（不超过 2100）']);
    expect(messages(z.coerce.number().int().max(2100), '99999999999999999999')[0]).toBe('数字超出范围');
    expect(messages(z.object({ title: z.string() }), {})).toEqual(['此项必填']);
    for (const value of [{ a: 1 }, 'x'.repeat(5), -1]) {
      for (const message of messages(z.object({ a: z.string().min(10).email() }), { a: value })) expect(message).toMatch(CHINESE);
    }
  });

  it('a schema’s own message still wins', () => {
    expect(messages(progressReportSchema, { taskId: 't', version: '1', narrative: '进展', percent: '' })).toEqual(['请填写完成百分比']);
    expect(messages(progressReportSchema, { taskId: 't', version: '1', narrative: '进展', percent: '101' })).toEqual(['完成百分比应在 0–100 之间']);
  });

  it('finds a NUL byte anywhere in an input', () => {
    expect(findNulByte({ narrative: 'ok', targets: [{ actual: '1' }, { note: 'a\u0000b' }] })).toBe('targets.1.note');
    expect(findNulByte('\u0000')).toBe('_');
    expect(findNulByte({ narrative: '正常', percent: 5 })).toBeNull();
  });
});
