/**
 * Tamper-evident audit log: each event's hash covers its content and the previous event's
 * hash, so editing, deleting or reordering any stored event breaks verification from there.
 *
 * The log is several chains (shards) side by side, so concurrent writes append to different chains
 * instead of waiting for one lock; each event names its shard, and each shard is linked on its own
 * in seq order. Signed checkpoints (checkpoints.ts) fix every shard's head at once.
 *
 * Hashing reuses the commitment-letter canonical form, so insignificant differences
 * (key order, whitespace runs inside strings, 1.5 vs 1.50) do not count as tampering.
 */

import { canonicalize, hashCanonical } from '@/lib/core/commitment/canonical';

/** How many chains new events are spread over; shard numbers are 0…AUDIT_SHARDS-1 (never fewer). */
export const AUDIT_SHARDS = 16;

export interface AuditEventFields {
  /** Hash of the previous event in the same shard; null for a shard's first event. */
  prevHash: string | null;
  /** The chain this event belongs to; 0 (or absent) for events written before there were shards. */
  shard?: number;
  /** null for system actions (scheduled jobs, imports). */
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** Snapshot before the change; null/undefined when the entity is created. */
  before: unknown;
  /** Snapshot after the change; null/undefined when the entity is deleted. */
  after: unknown;
  /** ISO-8601 timestamp string, exactly as stored. */
  at: string;
  /** The API token a write came through (e.g. `集成令牌「统计平台」`); absent for the browser. */
  via?: string | null;
}

export interface StoredAuditEvent extends AuditEventFields {
  hash: string;
}

/** Exactly the fields covered by the hash, in a fixed shape. */
function hashedFields(fields: AuditEventFields): Partial<Record<keyof AuditEventFields, unknown>> {
  return {
    prevHash: fields.prevHash,
    actorId: fields.actorId,
    action: fields.action,
    entity: fields.entity,
    entityId: fields.entityId,
    // Undefined and null snapshots mean the same (nothing), and JSON columns may return
    // either, so both hash as null rather than as a missing key.
    before: fields.before ?? null,
    after: fields.after ?? null,
    at: fields.at,
    // Only when set, so events written before the column existed keep their hashes.
    ...(fields.via ? { via: fields.via } : {}),
    // Likewise only beyond shard 0 (every event before sharding); moving an event between shards changes its hash.
    ...(fields.shard ? { shard: fields.shard } : {}),
  };
}

/** SHA-256 (lowercase hex) over the canonical form of the event's fields. */
export function auditEventHash(fields: AuditEventFields): string {
  return hashCanonical(hashedFields(fields));
}

/** Builds the next event, linked to `previous` (null when starting a chain). */
export function chainAuditEvent(
  previous: Pick<StoredAuditEvent, 'hash'> | null,
  fields: Omit<AuditEventFields, 'prevHash'>,
): StoredAuditEvent {
  const linked: AuditEventFields = { ...fields, prevHash: previous?.hash ?? null };
  return { ...linked, hash: auditEventHash(linked) };
}

export interface VerifyChainOptions {
  /**
   * Expected prevHash of each shard's first event here: absent (null) for a chain from its start,
   * or the hash of the shard's last event before when verifying a later page.
   */
  anchors?: ReadonlyMap<number, string | null>;
}

/**
 * Indices of broken events, ascending, for events in seq order (all shards interleaved): an event is
 * broken if its stored hash does not match a recomputation, or its prevHash is not the stored hash of
 * the previous event of its shard. Editing event i without fixing its hash flags i; editing it and
 * recomputing its hash flags the shard's next event instead (its link no longer matches).
 */
export function verifyChain(events: readonly StoredAuditEvent[], options: VerifyChainOptions = {}): number[] {
  return verifyChainPage(events, new Map(options.anchors ?? []));
}

/** verifyChain over one page of a longer walk: `heads` (shard → last hash) anchors the page and ends as the shards' heads after it. */
export function verifyChainPage(events: readonly StoredAuditEvent[], heads: Map<number, string | null>): number[] {
  const broken: number[] = [];
  events.forEach((event, index) => {
    const shard = event.shard ?? 0;
    const linkOk = event.prevHash === (heads.get(shard) ?? null);
    let hashOk: boolean;
    try {
      hashOk = auditEventHash(event) === event.hash;
    } catch {
      hashOk = false; // content that cannot even be canonicalised cannot match
    }
    if (!linkOk || !hashOk) broken.push(index);
    heads.set(shard, event.hash);
  });
  return broken;
}

/** Canonical text an event's hash is computed over; for showing auditors what was hashed. */
export function auditEventCanonicalText(fields: AuditEventFields): string {
  return canonicalize(hashedFields(fields));
}
