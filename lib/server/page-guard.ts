import 'server-only';
import { notFound } from 'next/navigation';
import { UserFacingError } from '@/lib/server/errors';

/** For pages: a data-layer "not found" (missing or out of scope) becomes Next's 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
