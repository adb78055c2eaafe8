import 'server-only';
import { idSchema } from '@/lib/core/schemas/common';
import { notFound } from '@/lib/server/errors';

/** A path id; a malformed one reads as not found, like an id outside the caller's scope. */
export function pathId(value: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
