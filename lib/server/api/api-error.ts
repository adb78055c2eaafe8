import 'server-only';
import type { ApiErrorCode } from '@/lib/core/api/api-errors';

/** A refusal specific to the API (token, scope, rate); data-layer refusals stay UserFacingError. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
