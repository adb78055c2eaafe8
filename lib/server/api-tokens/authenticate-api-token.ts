import 'server-only';
import type { Role } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { ApiError } from '@/lib/server/api/api-error';
import { checkApiAddress, consumeApiRequest, recordApiTokenFailure } from '@/lib/server/api/api-rate-limit';
import { apiTokenSecretHash } from '@/lib/server/api-tokens/api-token-secret';
import { API_TOKEN_PATTERN, type ApiTokenKindName, type ApiTokenScopeName } from '@/lib/core/api/api-token';

export type ApiCaller = { user: SessionUser; token: { id: string; kind: ApiTokenKindName; name: string; scope: ApiTokenScopeName } };

/** How often lastUsedAt is written: once a minute is enough to say a token is in use. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The account a bearer secret acts as, as the database has it now (role, unit, active), with the
 * token. Unknown, expired and revoked secrets count against the address like failed sign-ins.
 */
export async function authenticateApiToken(secret: string | null, ip: string | null): Promise<ApiCaller> {
  if (!secret) throw new ApiError('UNAUTHENTICATED', '缺少访问令牌：请在请求头中加入 Authorization: Bearer <令牌>');
  await checkApiAddress(ip);
  const refuse = async (code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED', message: string): Promise<never> => {
    await recordApiTokenFailure(ip);
    throw new ApiError(code, message);
  };
  const token = API_TOKEN_PATTERN.test(secret)
    ? await db.apiToken.findUnique({
        where: { secretHash: apiTokenSecretHash(secret) },
        select: {
          id: true,
          kind: true,
          name: true,
          scope: true,
          expiresAt: true,
          revokedAt: true,
          lastUsedAt: true,
          user: { select: { id: true, username: true, name: true, role: true, unitId: true, active: true } },
        },
      })
    : null;
  if (!token) return refuse('TOKEN_INVALID', '访问令牌无效');
  if (token.revokedAt) return refuse('TOKEN_REVOKED', '访问令牌已被吊销');
  if (token.expiresAt <= new Date()) return refuse('TOKEN_EXPIRED', '访问令牌已过期，请重新签发');
  if (!token.user.active) return refuse('TOKEN_REVOKED', '访问令牌代表的账号已停用');
  await consumeApiRequest(token.id);

  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { active: _active, role, ...user } = token.user;
  return { user: { ...user, role: role as Role }, token: { id: token.id, kind: token.kind, name: token.name, scope: token.scope } };
}
