/**
 * The county's signing keys, kept in files outside the database: whoever can write to the
 * database still cannot sign. Directory (LUOSHI_KEY_DIR, default data/keys, mode 0700):
 *   sm2-<keyId>.key   private key (hex), mode 0600
 *   sm2-<keyId>.pub   public key (hex); kept after rotation so older records still verify
 *   current           the id of the key that signs now
 * The first use creates a key pair. Plain module: used by the app, the scripts and the tests.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSm2KeyPair, sm2Fingerprint, sm2KeyId, type Sm2KeyPair } from '@/lib/core/integrity/sm2';

export function keyDir(): string {
  return path.resolve(process.env.LUOSHI_KEY_DIR ?? 'data/keys');
}

/** The append-only file of audit checkpoints, outside the database (LUOSHI_CHECKPOINT_LOG, default beside the key directory). */
export function checkpointLogPath(): string {
  return path.resolve(process.env.LUOSHI_CHECKPOINT_LOG ?? path.join(path.dirname(keyDir()), 'audit-checkpoints.log'));
}

const PUBLIC_FILE = /^sm2-([0-9a-f]{16})\.pub$/;
const keyFile = (dir: string, keyId: string, ext: 'key' | 'pub') => path.join(dir, `sm2-${keyId}.${ext}`);

function ensureDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function writeKeyPair(dir: string, pair: Sm2KeyPair): string {
  const keyId = sm2KeyId(pair.publicKey);
  writeFileSync(keyFile(dir, keyId, 'key'), `${pair.privateKey}\n`, { mode: 0o600, flag: 'wx' });
  writeFileSync(keyFile(dir, keyId, 'pub'), `${pair.publicKey}\n`, { mode: 0o644, flag: 'wx' });
  return keyId;
}

let cached: { dir: string; keyId: string; pair: Sm2KeyPair } | undefined;

/** The key that signs now; created on first use (two processes starting at once agree on one). */
export function countySigningKey(): Sm2KeyPair & { keyId: string } {
  const dir = keyDir();
  const currentFile = path.join(dir, 'current');
  if (!existsSync(currentFile)) {
    ensureDir(dir);
    const keyId = writeKeyPair(dir, generateSm2KeyPair());
    try {
      writeFileSync(currentFile, `${keyId}\n`, { mode: 0o644, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another process made the first key at the same moment: use theirs, drop ours.
      unlinkSync(keyFile(dir, keyId, 'key'));
      unlinkSync(keyFile(dir, keyId, 'pub'));
    }
  }
  const keyId = readFileSync(currentFile, 'utf8').trim();
  if (cached && cached.dir === dir && cached.keyId === keyId) return { ...cached.pair, keyId };
  const pair = { publicKey: readFileSync(keyFile(dir, keyId, 'pub'), 'utf8').trim(), privateKey: readFileSync(keyFile(dir, keyId, 'key'), 'utf8').trim() };
  if (sm2KeyId(pair.publicKey) !== keyId) throw new Error(`密钥文件与密钥编号不符：${keyId}`);
  cached = { dir, keyId, pair };
  return { ...pair, keyId };
}

/**
 * Every public key the county has had, by key id (the current one first created if need be).
 * A file whose content does not hash to its name is ignored, so a renamed key cannot pass for another.
 */
export function countyPublicKeys(): Map<string, string> {
  countySigningKey();
  const dir = keyDir();
  const keys = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const match = PUBLIC_FILE.exec(name);
    if (!match) continue;
    const publicKey = readFileSync(path.join(dir, name), 'utf8').trim();
    if (sm2KeyId(publicKey) === match[1]) keys.set(match[1]!, publicKey);
  }
  return keys;
}

export interface PublicKeyInfo {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  current: boolean;
}

/** The public keys as shown on the 核验 page: current first. */
export function describeCountyKeys(): PublicKeyInfo[] {
  const current = countySigningKey().keyId;
  return [...countyPublicKeys()]
    .map(([keyId, publicKey]) => ({ keyId, publicKey, fingerprint: sm2Fingerprint(publicKey), current: keyId === current }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.keyId.localeCompare(b.keyId));
}

/** A new signing key; the old public key stays for verifying what it signed. Returns the new key id. */
export function rotateCountySigningKey(): string {
  countySigningKey();
  const dir = keyDir();
  const keyId = writeKeyPair(dir, generateSm2KeyPair());
  const temp = path.join(dir, `current.${process.pid}`);
  writeFileSync(temp, `${keyId}\n`, { mode: 0o644 });
  renameSync(temp, path.join(dir, 'current'));
  return keyId;
}
