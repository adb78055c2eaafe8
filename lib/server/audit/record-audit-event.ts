import 'server-only';
import { chainAuditEvent } from '@/lib/core/audit/chain';
import type { AuditSubject } from '@/lib/core/audit/actions';
import type { Tx } from '@/lib/server/db';
import { auditVia } from '@/lib/server/audit/audit-via';

/** One event: an action from the registry with the entity it concerns (`lib/core/audit/actions.ts`). */
export type AuditInput = AuditSubject & {
  actorId: string | null;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** JSON-safe copy (Dates → ISO strings, Decimals → strings) so the stored and the hashed value agree. */
export function snapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

// Serialises chain appends across concurrent transactions; released at commit or rollback.
export const AUDIT_CHAIN_LOCK = 7_240_001;

/**
 * Appends audit events inside the caller's transaction, each linked to the previous event's hash.
 * Several events (a plan publish) take the lock once and are written in one statement.
 */
export async function recordAuditEvents(tx: Tx, inputs: AuditInput[]) {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  let previous = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  const at = new Date();
  const via = auditVia();
  const rows = inputs.map((input) => {
    const before = snapshot(input.before);
    const after = snapshot(input.after);
    const event = chainAuditEvent(previous, {
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before,
      after,
      at: at.toISOString(),
      via,
    });
    previous = event;
    return {
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before: before ?? undefined,
      after: after ?? undefined,
      ip: input.ip ?? null,
      via,
      prevHash: event.prevHash,
      hash: event.hash,
      createdAt: at,
    };
  });
  // createMany keeps array order, so seq follows the chain.
  await tx.auditEvent.createMany({ data: rows });
}

export async function recordAuditEvent(tx: Tx, input: AuditInput) {
  await recordAuditEvents(tx, [input]);
}
