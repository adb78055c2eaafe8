/**
 * Secrets the app must use again (SMTP passwords, robot 加签 keys, the identity provider's client
 * secret, authenticator keys) are stored encrypted, so a copy of the database or a backup of it
 * alone does not reveal them. AES-256-GCM (node:crypto) with a key in the county's key directory
 * (`secret-box.key`, 0600, created on first use, included in `npm run backup`): losing the key
 * means re-entering the channel secrets and re-enrolling authenticators.
 *
 * Values written before encryption existed are plain text; they are read as they are and sealed by
 * `npm run secrets:seal` (or when the office next saves them).
 */

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyDir } from '@/lib/platform/keys/county-keys';

const PREFIX = 'sealed:v1:';
const KEY_FILE = 'secret-box.key';

let cached: { file: string; key: Buffer } | undefined;

function secretBoxKey(): Buffer {
  const file = path.join(keyDir(), KEY_FILE);
  if (cached?.file === file) return cached.key;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it at the same moment: theirs is the key.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length !== 32) throw new Error(`密钥文件 ${file} 无效`);
  cached = { file, key };
  return key;
}

export const isSealedSecret = (stored: string) => stored.startsWith(PREFIX);

/**
 * Encrypts `plain` for storage. `context` names what the secret belongs to (e.g. `totp:<userId>`):
 * it is authenticated, so a sealed value copied into another row does not open there.
 */
export function sealSecret(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretBoxKey(), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
}

/** The secret a stored value holds: sealed values are decrypted (tampered ones throw), plain ones returned as they are. */
export function openSecret(stored: string, context: string): string {
  if (!isSealedSecret(stored)) return stored;
  const [iv, tag, body] = stored.slice(PREFIX.length).split('.');
  if (!iv || !tag || body === undefined) throw new Error('密文格式无效');
  const decipher = createDecipheriv('aes-256-gcm', secretBoxKey(), Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** The contexts, one per kind of secret, so writers and readers cannot disagree. */
export const SECRET_CONTEXT = {
  notifyChannel: (channelId: string) => `notify-channel:${channelId}`,
  oidcClient: 'oidc-client',
  totp: (userId: string) => `totp:${userId}`,
} as const;
