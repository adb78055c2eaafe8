import 'server-only';
import { AUDIT_SHARDS, chainAuditEvent } from '@/lib/core/audit/chain';
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

// Advisory lock class of the audit shards (key 2 = the shard): one appender per shard at a time,
// released at commit or rollback. A checkpoint takes every shard's lock.
export const AUDIT_SHARD_LOCK = 7_240_002;

// The shard a transaction appends to, once chosen: all its events go to one shard, in order.
const shardOfTransaction = new WeakMap<Tx, number>();

/**
 * Takes a shard for this transaction: the first one no other transaction holds (so sequential
 * writes all go to shard 0 and concurrent ones spread out), else waits for one picked at random.
 */
async function lockShard(tx: Tx): Promise<number> {
  const held = shardOfTransaction.get(tx);
  if (held !== undefined) return held;
  // LIMIT 1 stops at the first lock taken; the locks tried and not taken are not held.
  const [free] = await tx.$queryRaw<{ shard: number }[]>`
    SELECT s AS "shard" FROM generate_series(0, ${AUDIT_SHARDS - 1}::int) s
    WHERE pg_try_advisory_xact_lock(${AUDIT_SHARD_LOCK}::int, s) LIMIT 1`;
  let shard = free?.shard;
  if (shard === undefined) {
    shard = Math.floor(Math.random() * AUDIT_SHARDS);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_SHARD_LOCK}::int, ${shard}::int)`;
  }
  shardOfTransaction.set(tx, shard);
  return shard;
}

/**
 * Appends audit events inside the caller's transaction to one shard of the chain, each linked to the
 * previous event of that shard. Several events (a plan publish) are written in one statement.
 * Call it last in the transaction: the shard stays locked until commit.
 */
export async function recordAuditEvents(tx: Tx, inputs: AuditInput[]) {
  if (inputs.length === 0) return;
  const shard = await lockShard(tx);
  // A statement after the lock: it sees every event committed to the shard before.
  let previous: { hash: string } | null =
    (await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" WHERE "shard" = ${shard} ORDER BY "seq" DESC LIMIT 1`)[0] ?? null;
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
      shard,
    });
    previous = event;
    return {
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      before,
      after,
      ip: input.ip ?? null,
      via,
      shard,
      prevHash: event.prevHash,
      hash: event.hash,
    };
  });
  // One statement in chain order (seq follows it). Raw SQL: a Prisma createMany is compiled anew on
  // every call, which was a tenth of a progress report's CPU. A null before/after is SQL NULL.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "action", "entity", "entityId", "before", "after", "ip", "via", "shard", "prevHash", "hash", "createdAt")
    SELECT r."actorId", r."action", r."entity", r."entityId", NULLIF(r."before", 'null'::jsonb), NULLIF(r."after", 'null'::jsonb),
      r."ip", r."via", r."shard", r."prevHash", r."hash", ${at}
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS e("row", "position"),
      jsonb_to_record(e."row") AS r("actorId" text, "action" text, "entity" text, "entityId" text, "before" jsonb, "after" jsonb,
        "ip" text, "via" text, "shard" int, "prevHash" text, "hash" text)
    ORDER BY e."position"`;
}

export async function recordAuditEvent(tx: Tx, input: AuditInput) {
  await recordAuditEvents(tx, [input]);
}
