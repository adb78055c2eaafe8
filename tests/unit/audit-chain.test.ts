import { describe, expect, it } from 'vitest';
import {
  auditEventCanonicalText,
  auditEventHash,
  chainAuditEvent,
  verifyChain,
  verifyChainPage,
  type AuditEventFields,
  type StoredAuditEvent,
} from '@/lib/core/audit/chain';

type EventBody = Omit<AuditEventFields, 'prevHash'>;

const BODIES: EventBody[] = [
  {
    actorId: 'u1',
    action: 'task.create',
    entity: 'Task',
    entityId: 't1',
    before: null,
    after: { title: '新增就业', status: 'ASSIGNED' },
    at: '2024-03-01T08:00:00.000Z',
  },
  {
    actorId: 'u2',
    action: 'task.acknowledge',
    entity: 'Task',
    entityId: 't1',
    before: { status: 'ASSIGNED' },
    after: { status: 'ACKNOWLEDGED' },
    at: '2024-03-02T01:30:00.000Z',
  },
  {
    actorId: 'u2',
    action: 'report.create',
    entity: 'ProgressReport',
    entityId: 'r1',
    before: null,
    after: { percent: 20, text: '已完成选址' },
    at: '2024-03-08T02:00:00.000Z',
  },
  {
    actorId: null,
    action: 'reminder.sent',
    entity: 'Task',
    entityId: 't1',
    before: undefined,
    after: { kind: 'DEADLINE_7D' },
    at: '2024-06-23T00:00:00.000Z',
  },
  {
    actorId: 'u1',
    action: 'task.delete',
    entity: 'Task',
    entityId: 't9',
    before: { title: '旧任务' },
    after: null,
    at: '2024-06-24T00:00:00.000Z',
  },
];

function buildChain(bodies: EventBody[] = BODIES): StoredAuditEvent[] {
  const chain: StoredAuditEvent[] = [];
  for (const body of bodies) chain.push(chainAuditEvent(chain.at(-1) ?? null, body));
  return chain;
}

describe('auditEventHash', () => {
  it('matches an independently computed SHA-256 of the canonical fields', () => {
    // Python: sha256(json.dumps(fields, sort_keys=True, separators=(',', ':'), ensure_ascii=False))
    const first = { ...BODIES[0]!, prevHash: null };
    expect(auditEventHash(first)).toBe('643f4a805a783e7c4bd6f6ed5684091f8b1c5b8da9f5ed595a01bf8d5cda8d70');
    expect(auditEventHash({ ...BODIES[1]!, prevHash: '643f4a805a783e7c4bd6f6ed5684091f8b1c5b8da9f5ed595a01bf8d5cda8d70' })).toBe(
      'e9281bed9b448af9c3330545db60083f9b33c7dd8cd9d6992765644b125e1dab',
    );
    expect(auditEventCanonicalText(first)).toBe(
      '{"action":"task.create","actorId":"u1","after":{"status":"ASSIGNED","title":"新增就业"},' +
        '"at":"2024-03-01T08:00:00.000Z","before":null,"entity":"Task","entityId":"t1","prevHash":null}',
    );
  });

  it('hashes shard 0 as before shards existed (absent), any other shard as part of the event', () => {
    const fields = { ...BODIES[0]!, prevHash: null };
    expect(auditEventHash({ ...fields, shard: 0 })).toBe('643f4a805a783e7c4bd6f6ed5684091f8b1c5b8da9f5ed595a01bf8d5cda8d70');
    expect(auditEventCanonicalText({ ...fields, shard: 2 })).toContain('"shard":2');
  });

  it('treats an undefined snapshot as null', () => {
    const withNull = { ...BODIES[3]!, before: null, prevHash: null };
    const withUndefined = { ...BODIES[3]!, before: undefined, prevHash: null };
    expect(auditEventHash(withUndefined)).toBe(auditEventHash(withNull));
  });

  it('ignores fields outside the hashed set (such as the stored hash itself)', () => {
    const fields = { ...BODIES[0]!, prevHash: null };
    expect(auditEventHash({ ...fields, hash: 'x', id: 7 } as AuditEventFields)).toBe(auditEventHash(fields));
  });

  it('changes when any hashed field changes', () => {
    const fields: AuditEventFields = { ...BODIES[1]!, prevHash: 'a'.repeat(64) };
    const base = auditEventHash(fields);
    const variants: AuditEventFields[] = [
      { ...fields, prevHash: 'b'.repeat(64) },
      { ...fields, prevHash: null },
      { ...fields, actorId: 'u3' },
      { ...fields, actorId: null },
      { ...fields, action: 'task.start' },
      { ...fields, entity: 'Unit' },
      { ...fields, entityId: 't2' },
      { ...fields, before: { status: 'IN_PROGRESS' } },
      { ...fields, before: null },
      { ...fields, after: { status: 'ACKNOWLEDGED', note: '' } },
      { ...fields, at: '2024-03-02T01:30:00.001Z' },
      { ...fields, shard: 3 },
    ];
    const hashes = variants.map(auditEventHash);
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });
});

describe('chainAuditEvent', () => {
  it('links each event to the previous hash', () => {
    const chain = buildChain();
    expect(chain[0]!.prevHash).toBeNull();
    expect(chain[0]!.hash).toBe('643f4a805a783e7c4bd6f6ed5684091f8b1c5b8da9f5ed595a01bf8d5cda8d70');
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[1]!.hash).toBe('e9281bed9b448af9c3330545db60083f9b33c7dd8cd9d6992765644b125e1dab');
    expect(chain[4]!.prevHash).toBe(chain[3]!.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(buildChain())).toEqual([]);
    expect(verifyChain([])).toEqual([]);
  });

  it('flags a tampered middle event whose hash was left alone', () => {
    const chain = buildChain();
    chain[2] = { ...chain[2]!, after: { percent: 80, text: '已完成选址' } };
    expect(verifyChain(chain)).toEqual([2]);
  });

  it('flags the next event when the tampered event was re-hashed', () => {
    const chain = buildChain();
    const forged = { ...chain[2]!, actorId: 'u9' };
    chain[2] = { ...forged, hash: auditEventHash(forged) };
    expect(verifyChain(chain)).toEqual([3]);
  });

  it('flags an edited stored hash at the event and its successor', () => {
    const chain = buildChain();
    chain[1] = { ...chain[1]!, hash: 'f'.repeat(64) };
    expect(verifyChain(chain)).toEqual([1, 2]);
  });

  it('flags the event after a deleted one', () => {
    const chain = buildChain();
    chain.splice(2, 1);
    expect(verifyChain(chain)).toEqual([2]);
  });

  it('flags swapped events', () => {
    const chain = buildChain();
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(verifyChain(chain)).toEqual([1, 2, 3]);
  });

  it('flags a first event that does not start a chain, unless anchored', () => {
    const chain = buildChain();
    const tail = chain.slice(2);
    expect(verifyChain(tail)).toEqual([0]);
    expect(verifyChain(tail, { anchors: new Map([[0, chain[1]!.hash]]) })).toEqual([]);
    expect(verifyChain(tail, { anchors: new Map([[0, chain[0]!.hash]]) })).toEqual([0]);
  });

  it('flags, rather than throws on, content that cannot be canonicalised', () => {
    const chain = buildChain();
    chain[3] = { ...chain[3]!, after: { kind: Number.NaN } };
    expect(verifyChain(chain)).toEqual([3]);
  });

  it('does not flag whitespace-only or key-order differences (canonical form)', () => {
    const chain = buildChain();
    chain[2] = { ...chain[2]!, after: { text: ' 已完成选址\u3000', percent: 20 } };
    expect(verifyChain(chain)).toEqual([]);
  });
});

describe('verifyChain over shards', () => {
  // Events interleaved in seq order: shards 0, 3, 0, 3, 3, 0 — each shard linked on its own.
  function buildSharded(): StoredAuditEvent[] {
    const last = new Map<number, StoredAuditEvent>();
    return [0, 3, 0, 3, 3, 0].map((shard, i) => {
      const event = chainAuditEvent(last.get(shard) ?? null, { ...BODIES[i % BODIES.length]!, shard });
      last.set(shard, event);
      return event;
    });
  }

  it('accepts interleaved shards, each starting its own chain', () => {
    const chain = buildSharded();
    expect(chain[1]!.prevHash).toBeNull();
    expect(chain[3]!.prevHash).toBe(chain[1]!.hash);
    expect(verifyChain(chain)).toEqual([]);
  });

  it('flags a deletion, an edit and a move in a non-zero shard at that shard only', () => {
    const deleted = buildSharded();
    deleted.splice(3, 1); // shard 3's second event
    expect(verifyChain(deleted)).toEqual([3]);

    const edited = buildSharded();
    const forged = { ...edited[3]!, actorId: 'u9' };
    edited[3] = { ...forged, hash: auditEventHash(forged) };
    expect(verifyChain(edited)).toEqual([4]);

    const moved = buildSharded();
    moved[4] = { ...moved[4]!, shard: 0 }; // claimed for another chain: its hash and both links break
    expect(verifyChain(moved)).toEqual([4, 5]);
  });

  it('anchors each shard of a later page on its own head', () => {
    const chain = buildSharded();
    const page = chain.slice(2);
    expect(verifyChain(page)).toEqual([0, 1]);
    expect(verifyChain(page, { anchors: new Map([[0, chain[0]!.hash], [3, chain[1]!.hash]]) })).toEqual([]);
    const heads = new Map<number, string | null>();
    expect(verifyChainPage(chain.slice(0, 3), heads)).toEqual([]);
    expect(verifyChainPage(chain.slice(3), heads)).toEqual([]);
    expect(heads).toEqual(new Map([[0, chain[5]!.hash], [3, chain[4]!.hash]]));
  });
});
