import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '@/lib/core/api/api-token';

/** A new secret: shown once to whoever issued it; only its hash is stored. */
export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** SHA-256 is enough: the secret is 256 random bits, so there is nothing to stretch against guessing. */
export function apiTokenSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
