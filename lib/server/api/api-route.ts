import 'server-only';
import { ZodError } from 'zod';
import { formErrors } from '@/lib/core/schemas/common';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from '@/lib/core/api/api-errors';
import { apiTokenAuditName, scopeAllows, type ApiTokenScopeName } from '@/lib/core/api/api-token';
import { ApiError } from '@/lib/server/api/api-error';
import { authenticateApiToken, type ApiCaller } from '@/lib/server/api-tokens/authenticate-api-token';
import { withAuditVia } from '@/lib/server/audit/audit-via';
import { UserFacingError } from '@/lib/server/errors';
import { requestClientAddress } from '@/lib/server/client-address';
import { log } from '@/lib/platform/log';

export type ApiCall<P> = { caller: ApiCaller; request: Request; params: P; ip: string | null };
type RouteContext<P> = { params: Promise<P> };

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function errorResponse(code: ApiErrorCode, message: string, extra: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } = {}) {
  const body: ApiErrorBody = { error: { code, message, ...(extra.fieldErrors && Object.keys(extra.fieldErrors).length > 0 ? { fieldErrors: extra.fieldErrors } : {}) } };
  const headers: Record<string, string> = { ...NO_STORE };
  if (extra.retryAfterSeconds) headers['Retry-After'] = String(extra.retryAfterSeconds);
  if (API_ERROR_STATUS[code] === 401) headers['WWW-Authenticate'] = 'Bearer realm="luoshi"';
  return Response.json(body, { status: API_ERROR_STATUS[code], headers });
}

function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/**
 * One /api/v1 endpoint: authenticates the bearer token (acting as its account, rate limited),
 * checks the scope the endpoint needs, runs `handler` with every audit event it writes naming the
 * token, and answers JSON. Refusals from the data layer keep their Chinese message and get a code.
 */
export function apiRoute<P = Record<string, never>>(
  scope: ApiTokenScopeName,
  handler: (call: ApiCall<P>) => Promise<unknown>,
  { status = 200 }: { status?: number } = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const ip = requestClientAddress((name) => request.headers.get(name));
    try {
      const caller = await authenticateApiToken(bearer(request), ip);
      if (!scopeAllows(caller.token.scope, scope)) {
        return errorResponse('SCOPE_INSUFFICIENT', `该令牌的权限范围不足：此操作需要 ${scope.toLowerCase()} 权限`);
      }
      const params = await context.params;
      const body = await withAuditVia(apiTokenAuditName(caller.token), () => handler({ caller, request, params, ip }));
      return Response.json(body, { status, headers: NO_STORE });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds });
      if (error instanceof UserFacingError) return errorResponse(error.code, error.message, { fieldErrors: error.fieldErrors });
      if (error instanceof ZodError) {
        const { message, fieldErrors } = formErrors(error);
        return errorResponse('INVALID', message, { fieldErrors });
      }
      log.error({ err: error, requestId: request.headers.get('x-request-id') }, 'api call failed');
      return errorResponse('INTERNAL', '服务器内部错误，请稍后重试');
    }
  };
}

/** A request's JSON body, or the API's INVALID_JSON refusal. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ApiError('INVALID_JSON', '请求体不是有效的 JSON');
  }
}
