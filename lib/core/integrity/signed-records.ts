/**
 * What the county key signs, and the checks of one letter version with its signatures. The
 * bare SHA-256 seals (content → canonical → hash) show accidental damage; the SM2 signatures
 * show deliberate rewrites, since recomputing them needs the private key, which is not in the
 * database. Shared by `npm run verify` and the 核验 page so both say the same thing.
 */

import { checkVersionSeal, signatureHash, type SignerRoleName } from '@/lib/core/commitment/letter';
import type { CommitmentVersionStatus } from '@/lib/core/commitment/tracking';
import { SIGNER_ROLE_LABELS } from '@/lib/core/integrity/signer-roles';
import { checkPayloadSignature, type SignatureCheck } from '@/lib/core/integrity/sm2';

export interface LetterSealFields {
  versionId: string;
  commitmentId: string;
  version: number;
  /** Covers the content, which names the unit and the year. */
  contentHash: string;
}

/** Signed when a version is issued: from then on its content hash is the county's word. */
export function letterSealPayload(v: LetterSealFields) {
  return { type: 'commitment.seal', versionId: v.versionId, commitmentId: v.commitmentId, version: v.version, contentHash: v.contentHash };
}

export interface SignatureFields {
  versionId: string;
  signerId: string;
  signerRole: SignerRoleName;
  signerName: string;
  signedHash: string;
  /** ISO-8601 */
  signedAt: string;
}

/** Signed with each person's signature (after their password was checked). */
export function signaturePayload(s: SignatureFields) {
  return {
    type: 'commitment.signature',
    versionId: s.versionId,
    signerId: s.signerId,
    signerRole: s.signerRole,
    signerName: s.signerName,
    signedHash: s.signedHash,
    signedAt: s.signedAt,
  };
}

/** One audit shard's head in a checkpoint: every event of the shard up to it is fixed by its chain. */
export interface ShardHead {
  shard: number;
  /** seq of the shard's last event. */
  eventSeq: number;
  /** Hash of that event. */
  headHash: string;
  /** Number of the shard's events (all with seq ≤ eventSeq). */
  eventCount: number;
}

export interface CheckpointFields {
  /** The checkpoint's own number, 1, 2, 3… */
  seq: number;
  /** seq of the last audit event covered (the highest head's). */
  eventSeq: number;
  /** Hash of that event; with `heads`, the hash of the heads' canonical form (all shards at once). */
  headHash: string;
  /** Number of audit events with seq ≤ eventSeq (seq has gaps after rollbacks). */
  eventCount: number;
  /** ISO-8601 */
  at: string;
  /**
   * Every shard's head (checkpoints since the chain has shards); absent on older checkpoints, which
   * anchor the single chain that became shard 0.
   */
  heads?: ShardHead[];
}

/** A signed statement of the audit chain's head at a time, kept in the database and in a file outside it. */
export function checkpointPayload(c: CheckpointFields) {
  return { type: 'audit.checkpoint', seq: c.seq, eventSeq: c.eventSeq, headHash: c.headHash, eventCount: c.eventCount, at: c.at, ...(c.heads ? { heads: c.heads } : {}) };
}

/** Which signatures a version in each status must have; SUPERSEDED may have none, one or both. */
export const REQUIRED_SIGNERS: Record<CommitmentVersionStatus, readonly SignerRoleName[] | null> = {
  DRAFT: [],
  ISSUED: [],
  SIGNED: ['UNIT_HEAD'],
  LOCKED: ['UNIT_HEAD', 'LEADER'],
  SUPERSEDED: null,
};

/** One finding, in English for the verify script's log and in Chinese for people. */
export interface RecordProblem {
  record: 'version' | 'signature';
  id: string;
  en: string;
  zh: string;
}

export interface StoredLetterVersion extends LetterSealFields {
  status: CommitmentVersionStatus;
  content: unknown;
  canonical: string;
  sealKeyId: string | null;
  sealSignature: string | null;
}

export interface StoredSignature {
  id: string;
  signerId: string;
  signerRole: SignerRoleName;
  signerName: string;
  signedHash: string;
  signatureHash: string;
  signedAt: Date;
  keyId: string | null;
  keySignature: string | null;
}

const KEY_PROBLEMS: Record<Exclude<SignatureCheck, 'valid'>, { en: string; zh: string }> = {
  missing: { en: 'not signed with the county key', zh: '缺少县级密钥签名' },
  unknownKey: { en: 'signed with a key the county does not hold', zh: '签名所用密钥不属于本县' },
  invalid: { en: 'county key signature invalid', zh: '县级密钥签名验证失败' },
};

/** Problems of one stored signature row against the version it belongs to. */
export function checkSignatureRecord(
  s: StoredSignature,
  version: { id: string; contentHash: string },
  publicKeys: ReadonlyMap<string, string>,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const add = (en: string, zh: string) => problems.push({ record: 'signature', id: s.id, en, zh });
  const signedAt = s.signedAt.toISOString();
  if (signatureHash({ signedHash: s.signedHash, signerId: s.signerId, signerRole: s.signerRole, signedAt }) !== s.signatureHash) {
    add('signature hash mismatch', '签名哈希不符');
  }
  if (s.signedHash !== version.contentHash) add("signed hash differs from the version's content hash", '签名所签内容与承诺书不一致');
  const check = checkPayloadSignature(
    signaturePayload({ versionId: version.id, signerId: s.signerId, signerRole: s.signerRole, signerName: s.signerName, signedHash: s.signedHash, signedAt }),
    { keyId: s.keyId, signature: s.keySignature },
    publicKeys,
  );
  if (check !== 'valid') add(KEY_PROBLEMS[check].en, `${SIGNER_ROLE_LABELS[s.signerRole]}签名：${KEY_PROBLEMS[check].zh}`);
  return problems;
}

/**
 * Problems of one version and its signatures: the SHA-256 seal, the county's SM2 seal (every
 * version that left DRAFT has one), each signature, and whether the status has the signatures it
 * needs (a LOCKED letter whose countersignature row was deleted).
 */
export function checkLetterRecord(
  version: StoredLetterVersion,
  signatures: readonly StoredSignature[],
  publicKeys: ReadonlyMap<string, string>,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const add = (en: string, zh: string) => problems.push({ record: 'version', id: version.versionId, en, zh });
  const seal = checkVersionSeal(version);
  if (!seal.hashMatches) add('content hash mismatch', '内容哈希不符');
  if (!seal.contentMatchesCanonical) add('content differs from its canonical text', '内容与规范文本不符');
  if (version.status !== 'DRAFT') {
    const check = checkPayloadSignature(letterSealPayload(version), { keyId: version.sealKeyId, signature: version.sealSignature }, publicKeys);
    if (check !== 'valid') add(`seal ${KEY_PROBLEMS[check].en}`, `承诺书签章：${KEY_PROBLEMS[check].zh}`);
  }
  const required = REQUIRED_SIGNERS[version.status];
  const roles = new Set(signatures.map((s) => s.signerRole));
  for (const role of required ?? []) {
    if (!roles.has(role)) add(`${version.status} without its ${role} signature`, `缺少${SIGNER_ROLE_LABELS[role]}的签名记录`);
  }
  if (required && signatures.some((s) => !required.includes(s.signerRole))) {
    add(`${version.status} version carries a signature it cannot have`, '存在与承诺书状态不符的签名记录');
  }
  for (const s of signatures) problems.push(...checkSignatureRecord(s, { id: version.versionId, contentHash: version.contentHash }, publicKeys));
  return problems;
}
