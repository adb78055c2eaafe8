/** The API's error codes: stable for clients to branch on; the message beside each is Chinese. */
export const API_ERROR_STATUS = {
  UNAUTHENTICATED: 401, // no token sent
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  SCOPE_INSUFFICIENT: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  INVALID_JSON: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fieldErrors?: Record<string, string[]> } };
