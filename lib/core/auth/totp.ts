// The optional second factor for the office and leaders: TOTP (RFC 6238, 30 s, 6 digits, SHA-1:
// what every authenticator app reads from an otpauth:// URI) and one-time recovery codes.
import { createHash } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

/** The roles that may enrol (the office and leaders hold the widest access). */
export const SECOND_FACTOR_ROLES: readonly string[] = ['ADMIN', 'LEADER'];
export const maySecondFactor = (role: string) => SECOND_FACTOR_ROLES.includes(role);

/** A code from the step before or after is accepted too (phone clocks drift). */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: read off paper and typed in.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app takes (as a QR code, or typed in with the secret). */
export function totpUri({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer, label: account, secret });
}

/** Spaces and dashes dropped, letters upper-cased: how codes are compared. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step a valid code belongs to, or null. A code whose step is not after `lastStep` was
 * already used (or is older than one that was) and is refused: no replay within its 90 s window.
 */
export function acceptTotp({ secret, code, lastStep, now }: { secret: string; code: string; lastStep: number | null; now: Date }): number | null {
  const token = normalizeCode(code);
  if (!isTotpCode(token)) return null;
  const result = verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten codes like `K7QM-2XPA`, 40 bits each: shown once, stored only as hashes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = crypto.getRandomValues(new Uint32Array(8));
    const chars = Array.from(bytes, (value) => RECOVERY_ALPHABET[value % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Recovery codes are random, so a plain SHA-256 suffices (no dictionary to guess from). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`luoshi-recovery:${normalizeCode(code)}`).digest('hex');
}

/** The stored hashes without the one `code` matches, or null when it matches none. */
export function consumeRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  const hash = hashRecoveryCode(code);
  return hashes.includes(hash) ? hashes.filter((h) => h !== hash) : null;
}
