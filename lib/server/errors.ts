import 'server-only';
import type { z } from 'zod';
import { findNulByte, formErrors, NUL_BYTE_MESSAGE } from '@/lib/core/schemas/common';

/** A refusal or validation failure the user should read, in Chinese. Actions turn it into `{ message }`. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID' = 'INVALID',
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const notFound = () => new UserFacingError('未找到该记录，或您无权访问', 'NOT_FOUND');
export const forbidden = (what = '该操作') => new UserFacingError(`无权执行${what}`, 'FORBIDDEN');
export const staleVersion = () => new UserFacingError('已被他人修改，请刷新后重试', 'CONFLICT');

/** Parses an input with its zod schema, or throws the Chinese `{ fieldErrors, message }` refusal. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  // PostgreSQL refuses NUL in text; said here, per field, rather than as a failed write.
  const nulAt = findNulByte(input);
  if (nulAt !== null) throw new UserFacingError(NUL_BYTE_MESSAGE, 'INVALID', { [nulAt]: [NUL_BYTE_MESSAGE] });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, message } = formErrors(parsed.error);
    throw new UserFacingError(message, 'INVALID', fieldErrors);
  }
  return parsed.data;
}
