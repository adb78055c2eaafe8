import { describe, expect, test } from 'vitest';
import { checkPayloadSignature, formatFingerprint, generateSm2KeyPair, signPayload, sm2KeyId } from '@/lib/core/integrity/sm2';
import { checkLetterRecord, letterSealPayload, signaturePayload, type StoredLetterVersion, type StoredSignature } from '@/lib/core/integrity/signed-records';
import { checkpointLogLine, compareCheckpoints, parseCheckpointLog, type CheckpointRecord } from '@/lib/core/audit/checkpoints';
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
  const intact = new Map([
    [10, { hash: 'h10', count: 10 }],
    [20, { hash: 'h20', count: 19 }],
  ]);

  test('the file round-trips, and an edited line is reported by number', () => {
    const text = checkpointLogLine(first) + 'not json\n' + checkpointLogLine(second);
    expect(parseCheckpointLog(text)).toEqual({ records: [first, second], unreadableLines: [2] });
  });

  test('matching copies and an unchanged chain give nothing', () => {
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: intact, publicKeys: keys })).toEqual([]);
  });

  test('a re-chained head, a truncated tail and deleted events are each named', () => {
    const rechained = new Map([...intact, [20, { hash: 'other', count: 19 }]]);
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: rechained, publicKeys: keys }).map((p) => p.checkpointSeq)).toEqual([2]);
    const truncated = new Map([...intact, [20, null]]);
    expect(compareCheckpoints({ database: [first, second], file: [first, second], observed: truncated, publicKeys: keys })[0]!.en).toMatch(/missing \(chain truncated\?\)/);
    const fewer = new Map([...intact, [20, { hash: 'h20', count: 18 }]]);
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
});
