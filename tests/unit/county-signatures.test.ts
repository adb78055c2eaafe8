import { describe, expect, test } from 'vitest';
import { checkPayloadSignature, formatFingerprint, generateSm2KeyPair, signPayload, sm2KeyId } from '@/lib/core/integrity/sm2';
import { checkLetterRecord, letterSealPayload, signaturePayload, type StoredLetterVersion, type StoredSignature } from '@/lib/core/integrity/signed-records';
import { checkpointLogLine, checkpointOfHeads, compareCheckpoints, parseCheckpointLog, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
import { checkpointPayload } from '@/lib/core/integrity/signed-records';
import { sealCommitmentContent, signatureHash } from '@/lib/core/commitment/letter';

const county = generateSm2KeyPair();
const keyId = sm2KeyId(county.publicKey);
const keys = new Map([[keyId, county.publicKey]]);

describe('SM2 signatures over canonical payloads', () => {
  test('a signature verifies with the county key, whatever the key order of the payload', () => {
    const signed = signPayload({ a: 1, b: '承诺' }, county);
    expect(signed.keyId).toBe(keyId);
    expect(checkPayloadSignature({ b: '承诺', a: 1 }, signed, keys)).toBe('valid');
  });

  test('a changed payload, a missing signature, an unknown key and garbage are refused', () => {
    const signed = signPayload({ count: 12 }, county);
    expect(checkPayloadSignature({ count: 2 }, signed, keys)).toBe('invalid');
    expect(checkPayloadSignature({ count: 12 }, { keyId: null, signature: null }, keys)).toBe('missing');
    const other = generateSm2KeyPair();
    const forged = signPayload({ count: 12 }, other);
    expect(checkPayloadSignature({ count: 12 }, forged, keys)).toBe('unknownKey');
    // The forger's signature under the county's key id still fails.
    expect(checkPayloadSignature({ count: 12 }, { keyId, signature: forged.signature }, keys)).toBe('invalid');
    expect(checkPayloadSignature({ count: 12 }, { keyId, signature: 'zz' }, keys)).toBe('invalid');
  });

  test('after a rotation, records signed by the old key still verify with its public key', () => {
    const next = generateSm2KeyPair();
    const old = signPayload({ n: 1 }, county);
    const both = new Map([...keys, [sm2KeyId(next.publicKey), next.publicKey]]);
    expect(checkPayloadSignature({ n: 1 }, old, both)).toBe('valid');
    expect(checkPayloadSignature({ n: 1 }, signPayload({ n: 1 }, next), both)).toBe('valid');
  });

  test('fingerprints are grouped by four', () => {
    expect(formatFingerprint('abcdef0123')).toBe('abcd ef01 23');
  });
});

function signedLetter(status: StoredLetterVersion['status'], roles: StoredSignature['signerRole'][]) {
  const content = { unit: { code: 'tjj', name: '县统计局' }, year: 2031, preamble: '承诺', leadTasks: [], coTasks: [] };
  const { canonical, contentHash } = sealCommitmentContent(content);
  const seal = signPayload(letterSealPayload({ versionId: 'v1', commitmentId: 'c1', version: 1, contentHash }), county);
  const version: StoredLetterVersion = { versionId: 'v1', commitmentId: 'c1', version: 1, contentHash, status, content, canonical, sealKeyId: seal.keyId, sealSignature: seal.signature };
  const signatures = roles.map((role, i): StoredSignature => {
    const signedAt = new Date(Date.UTC(2031, 0, 2 + i));
    const fields = { versionId: 'v1', signerId: `u${i}`, signerRole: role, signerName: `签署人${i}`, signedHash: contentHash, signedAt: signedAt.toISOString() };
    const keyed = signPayload(signaturePayload(fields), county);
    return {
      id: `s${i}`,
      signerId: fields.signerId,
      signerRole: role,
      signerName: fields.signerName,
      signedHash: contentHash,
      signatureHash: signatureHash({ signedHash: contentHash, signerId: fields.signerId, signerRole: role, signedAt: fields.signedAt }),
      signedAt,
      keyId: keyed.keyId,
      keySignature: keyed.signature,
    };
  });
  return { version, signatures };
}

describe('checkLetterRecord', () => {
  test('a locked letter with both signatures is clean', () => {
    const { version, signatures } = signedLetter('LOCKED', ['UNIT_HEAD', 'LEADER']);
    expect(checkLetterRecord(version, signatures, keys)).toEqual([]);
  });

  test('a re-sealed letter (content, text and SHA-256 recomputed) fails on the county seal', () => {
    const { version, signatures } = signedLetter('ISSUED', []);
    const content = { ...(version.content as object), preamble: '改过的承诺' };
    const resealed = { ...version, content, ...sealCommitmentContent(content as never) };
    expect(checkLetterRecord(resealed, signatures, keys).map((p) => p.en)).toEqual(['seal county key signature invalid']);
  });

  test('a locked letter whose countersignature is gone, and an issued letter never sealed', () => {
    const locked = signedLetter('LOCKED', ['UNIT_HEAD']);
    expect(checkLetterRecord(locked.version, locked.signatures, keys).map((p) => p.zh)).toEqual(['缺少分管县领导的签名记录']);
    const issued = signedLetter('ISSUED', []);
    expect(checkLetterRecord({ ...issued.version, sealKeyId: null, sealSignature: null }, [], keys).map((p) => p.en)).toEqual([
      'seal not signed with the county key',
    ]);
  });

  test('a signature whose name was changed fails on its county signature only', () => {
    const { version, signatures } = signedLetter('SIGNED', ['UNIT_HEAD']);
    const problems = checkLetterRecord(version, [{ ...signatures[0]!, signerName: '冒名' }], keys);
    expect(problems.map((p) => [p.record, p.id, p.en])).toEqual([['signature', 's0', 'county key signature invalid']]);
  });

  test('a draft needs no seal', () => {
    const { version } = signedLetter('DRAFT', []);
    expect(checkLetterRecord({ ...version, sealKeyId: null, sealSignature: null }, [], keys)).toEqual([]);
  });
});

function checkpoint(fields: Omit<CheckpointRecord, 'keyId' | 'signature'>, key = county): CheckpointRecord {
  return { ...fields, ...signPayload(checkpointPayload(fields), key) };
}

describe('audit checkpoints', () => {
  const first = checkpoint({ seq: 1, eventSeq: 10, headHash: 'h10', eventCount: 10, at: '2031-01-01T00:00:00.000Z' });
  const second = checkpoint({ seq: 2, eventSeq: 20, headHash: 'h20', eventCount: 19, at: '2031-01-02T00:00:00.000Z' });
  /** The chain as it is: events at the anchored seqs, and per checkpoint the count per shard up to it. */
  const observed = (events: [number, { shard: number; hash: string } | null][], counts: [number, [number, number][]][]) => ({
    events: new Map(events),
    counts: new Map(counts.map(([seq, perShard]) => [seq, new Map(perShard)])),
  });
  const intactEvents: [number, { shard: number; hash: string }][] = [
    [10, { shard: 0, hash: 'h10' }],
    [20, { shard: 0, hash: 'h20' }],
  ];
  const intact = observed(intactEvents, [[10, [[0, 10]]], [20, [[0, 19]]]]);

  test('the file round-trips, and an edited line is reported by number', () => {
    const third = checkpoint({ seq: 3, ...checkpointOfHeads([{ shard: 2, eventSeq: 30, headHash: 'h30', eventCount: 4 }, { shard: 0, eventSeq: 25, headHash: 'h25', eventCount: 20 }]), at: '2031-01-03T00:00:00.000Z' });
    const text = checkpointLogLine(first) + 'not json\n' + checkpointLogLine(second) + checkpointLogLine(third);
    expect(parseCheckpointLog(text)).toEqual({ records: [first, second, third], unreadableLines: [2] });
    expect(third).toMatchObject({ eventSeq: 30, eventCount: 24, heads: [{ shard: 0 }, { shard: 2 }] });
  });

  test('matching copies and an unchanged chain give nothing', () => {
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: intact, publicKeys: keys })).toEqual([]);
  });

  test('a re-chained head, a truncated tail and deleted events are each named', () => {
    const rechained = observed([intactEvents[0]!, [20, { shard: 0, hash: 'other' }]], [[20, [[0, 19]]]]);
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: rechained, publicKeys: keys }).map((p) => p.checkpointSeq)).toEqual([2]);
    const truncated = observed([intactEvents[0]!, [20, null]], []);
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: truncated, publicKeys: keys })[0]!.en).toMatch(/missing \(chain truncated\?\)/);
    const fewer = observed(intactEvents, [[20, [[0, 18]]]]);
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: fewer, publicKeys: keys })[0]!.en).toMatch(/events deleted/);
  });

  test('a checkpoint deleted from the database, or forged in it, is caught by the file and the key', () => {
    expect(compareCheckpoints({ database: [first], file: [first, second], observed: intact, publicKeys: keys }).map((p) => p.en)).toEqual([
      'in the log file but missing from the database',
    ]);
    const forged = checkpoint({ seq: 2, eventSeq: 20, headHash: 'h20', eventCount: 19, at: second.at }, generateSm2KeyPair());
    expect(compareCheckpoints({ database: [first, forged], file: [first, second], observed: intact, publicKeys: keys }).map((p) => p.en)).toEqual([
      'signature invalid (not made with the county key)',
      'differs between the database and the log file',
    ]);
  });

  describe('with shards', () => {
    // After checkpoint 2: shard 0 up to seq 25 (20 events), shard 5 seqs 21–23 (3 events), anchored at once.
    const sharded = checkpoint({ seq: 3, ...checkpointOfHeads([{ shard: 0, eventSeq: 25, headHash: 'h25', eventCount: 20 }, { shard: 5, eventSeq: 23, headHash: 'h23', eventCount: 3 }]), at: '2031-01-03T00:00:00.000Z' });
    const events: [number, { shard: number; hash: string } | null][] = [...intactEvents, [25, { shard: 0, hash: 'h25' }], [23, { shard: 5, hash: 'h23' }]];
    const shard0 = events.slice(0, 3);
    const check = (chain: ReturnType<typeof observed>) =>
      compareCheckpoints({ database: [first, second, sharded], file: [first, second, sharded], observed: chain, publicKeys: keys }).map((p) => `${p.checkpointSeq}: ${p.en}`);

    test('every shard head intact: nothing; the older single-chain checkpoints still hold as shard 0', () => {
      expect(check(observed(events, [[10, [[0, 10]]], [20, [[0, 19]]], [25, [[0, 20], [5, 3]]]]))).toEqual([]);
      // Shard 5's events all came after seq 20; an older checkpoint covers none of them.
      expect(check(observed(events, [[20, [[0, 19], [5, 1]]]]))).toEqual(['2: 0 audit events anchored in shard 5 up to seq 20, 1 found (events added to anchored history)']);
    });

    test('a non-zero shard rewritten, truncated, thinned or moved is named with its shard', () => {
      expect(check(observed([...shard0, [23, { shard: 5, hash: 'other' }]], []))).toEqual(['3: audit event seq 23 in shard 5 no longer has the anchored hash (chain rewritten)']);
      expect(check(observed([...shard0, [23, { shard: 0, hash: 'h23' }]], []))).toEqual(['3: audit event seq 23 in shard 5 no longer has the anchored hash (chain rewritten)']);
      expect(check(observed([...shard0, [23, null]], []))).toEqual(['3: audit event seq 23 in shard 5 it anchors is missing (chain truncated?)']);
      expect(check(observed(events, [[25, [[0, 20], [5, 2]]]]))).toEqual(['3: 3 audit events anchored in shard 5 up to seq 25, 2 found (events deleted)']);
      // A whole shard deleted: its head is gone and its count is 0.
      expect(check(observed([...shard0, [23, null]], [[25, [[0, 20]]]]))).toEqual([
        '3: audit event seq 23 in shard 5 it anchors is missing (chain truncated?)',
        '3: 3 audit events anchored in shard 5 up to seq 25, 0 found (events deleted)',
      ]);
    });

    test('an event slipped into the anchored history of a shard the checkpoint did not list', () => {
      expect(check(observed(events, [[25, [[0, 20], [5, 3], [7, 1]]]]))).toEqual(['3: 0 audit events anchored in shard 7 up to seq 25, 1 found (events added to anchored history)']);
    });

    test('heads edited in a checkpoint break its signature', () => {
      const edited = { ...sharded, heads: sharded.heads!.map((h) => (h.shard === 5 ? { ...h, eventCount: 2 } : h)) };
      expect(compareCheckpoints({ database: [edited], file: [edited], observed: observed(events, []), publicKeys: keys }).map((p) => p.en)).toEqual(['signature invalid (not made with the county key)']);
    });
  });
});
