/**
 * County signatures with SM2 over SM3 (国密, GB/T 32918 and GB/T 32905), the algorithms Chinese
 * government systems expect. Every signed record states its key id, so records signed before a key
 * rotation still verify against the old public key. Pure: keys are passed in, never read here.
 */

import smCrypto from 'sm-crypto';
import { canonicalize } from '@/lib/core/commitment/canonical';

const { sm2, sm3 } = smCrypto;

// der: ASN.1 DER (r, s) as other SM2 tools expect; hash: SM3 with the signer's Z value (GB/T 32918.2).
const SIGN_OPTIONS = { der: true, hash: true } as const;

export interface Sm2KeyPair {
  /** Uncompressed public key, hex (04‖x‖y). */
  publicKey: string;
  privateKey: string;
}

/** A signature and the id of the key that made it, as stored beside a record. */
export interface KeyedSignature {
  keyId: string;
  signature: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey, privateKey };
}

/** SM3 of the public key (hex, lowercase): the fingerprint shown to people. */
export function sm2Fingerprint(publicKey: string): string {
  return sm3(publicKey.toLowerCase());
}

/** A key's id: the first 16 hex characters of its fingerprint. */
export function sm2KeyId(publicKey: string): string {
  return sm2Fingerprint(publicKey).slice(0, 16);
}

/** Groups a fingerprint for reading aloud: 'ab12 cd34 …'. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Signs the canonical form of `payload` (see canonicalize), so key order and spacing do not matter. */
export function signPayload(payload: unknown, key: Sm2KeyPair): KeyedSignature {
  const signature = sm2.doSignature(canonicalize(payload), key.privateKey, { ...SIGN_OPTIONS, publicKey: key.publicKey });
  return { keyId: sm2KeyId(key.publicKey), signature };
}

const VERIFIED_CACHE_SIZE = 20_000;
const verified = new Set<string>();

export type SignatureCheck = 'valid' | 'missing' | 'unknownKey' | 'invalid';

/**
 * Checks a stored signature against the trusted public keys (by key id). A record with no
 * signature, or signed by a key the county never had, fails like a wrong signature does.
 */
export function checkPayloadSignature(
  payload: unknown,
  signed: { keyId: string | null; signature: string | null },
  publicKeys: ReadonlyMap<string, string>,
): SignatureCheck {
  if (!signed.keyId || !signed.signature) return 'missing';
  const publicKey = publicKeys.get(signed.keyId);
  if (!publicKey) return 'unknownKey';
  let message: string;
  try {
    message = canonicalize(payload);
  } catch {
    return 'invalid'; // a payload that cannot be serialised cannot have been signed
  }
  // SM2 in JavaScript takes tens of milliseconds per check; a verified triple stays verified.
  const cacheKey = sm3(`${publicKey}|${signed.signature}|${message}`);
  if (verified.has(cacheKey)) return 'valid';
  let ok: boolean;
  try {
    ok = sm2.doVerifySignature(message, signed.signature, publicKey, SIGN_OPTIONS);
  } catch {
    ok = false; // malformed signature hex
  }
  if (!ok) return 'invalid';
  if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.values().next().value!);
  verified.add(cacheKey);
  return 'valid';
}
