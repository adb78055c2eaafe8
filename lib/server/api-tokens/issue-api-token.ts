import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { apiTokenSecretHash, newApiTokenSecret } from '@/lib/server/api-tokens/api-token-secret';
import { apiTokenIssueSchema } from '@/lib/core/schemas/api-token';
import { API_TOKEN_SHOWN_CHARS, type ApiTokenKindName } from '@/lib/core/api/api-token';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues a token and returns its secret, which is never stored or shown again.
 * - INTEGRATION (the office only): for a named system, acting as the account the office chose — a
 *   unit's account for that unit's view, an office account for the whole county.
 * - PERSONAL: acting as the user who creates it, so it can never see or do more than they can.
 */
export async function issueApiToken({ user, kind, input, ip }: { user: SessionUser; kind: ApiTokenKindName; input: unknown; ip?: string | null }) {
  if (kind === 'INTEGRATION' && !can(user, 'user.manage')) throw forbidden('签发集成令牌');
  const data = parseInput(apiTokenIssueSchema, input);
  const actingUserId = kind === 'INTEGRATION' ? data.actingUserId : user.id;
  if (!actingUserId) throw new UserFacingError('请选择令牌代表的账号', 'INVALID', { actingUserId: ['请选择令牌代表的账号'] });

  const secret = newApiTokenSecret();
  const token = await db.$transaction(async (tx) => {
    const acting = await tx.user.findFirst({ where: { id: actingUserId, active: true }, select: { id: true } });
    if (!acting) throw new UserFacingError('所选账号不存在或已停用', 'INVALID', { actingUserId: ['所选账号不存在或已停用'] });
    const created = await tx.apiToken.create({
      data: {
        kind,
        name: data.name,
        userId: acting.id,
        issuedById: user.id,
        scope: data.scope,
        secretHash: apiTokenSecretHash(secret),
        prefix: secret.slice(0, API_TOKEN_SHOWN_CHARS),
        expiresAt: new Date(Date.now() + data.expiresInDays * DAY_MS),
      },
      select: { id: true, kind: true, name: true, userId: true, scope: true, prefix: true, expiresAt: true },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'apiToken.issue', entity: 'ApiToken', entityId: created.id, after: created, ip });
    return created;
  });
  return { ...token, secret };
}
