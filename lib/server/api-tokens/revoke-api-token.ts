import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound, parseInput } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { apiTokenRevokeSchema } from '@/lib/core/schemas/api-token';

/** The office revokes any token; a user revokes their own personal tokens. Takes effect at the next call. */
export async function revokeApiToken({ user, input, ip }: { user: SessionUser; input: unknown; ip?: string | null }) {
  const { tokenId } = parseInput(apiTokenRevokeSchema, input);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(can(user, 'user.manage') ? {} : { kind: 'PERSONAL', userId: user.id }) },
      select: { id: true, revokedAt: true },
    });
    if (!token) throw notFound();
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'apiToken.revoke', entity: 'ApiToken', entityId: token.id, before: { revokedAt: null }, after: { revokedAt }, ip });
  });
}
