import { generateSync } from 'otplib';
import { describe, expect, test } from 'vitest';
import {
  acceptTotp,
  consumeRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  maySecondFactor,
  newTotpSecret,
  normalizeCode,
  totpUri,
} from '@/lib/core/auth/totp';

const now = new Date('2026-11-30T08:00:10Z');
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);
const codeAt = (secret: string, date: Date) => generateSync({ secret, epoch: epoch(date) });

describe('TOTP second factor', () => {
  const secret = newTotpSecret();

  test('only the office and leaders may enrol', () => {
    expect(['ADMIN', 'LEADER', 'UNIT_HEAD', 'UNIT_STAFF'].map(maySecondFactor)).toEqual([true, true, false, false]);
  });

  test('the otpauth URI names the issuer, the account and the secret', () => {
    const uri = totpUri({ issuer: '落实 示范县', account: 'admin', secret });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('secret')).toBe(secret);
    expect(parsed.searchParams.get('issuer')).toBe('落实 示范县');
    expect(decodeURIComponent(parsed.pathname)).toContain('admin');
  });

  test('accepts the current code, the step before and after, and nothing further', () => {
    const step = acceptTotp({ secret, code: codeAt(secret, now), lastStep: null, now });
    expect(step).toBe(Math.floor(epoch(now) / 30));
    expect(acceptTotp({ secret, code: codeAt(secret, new Date(now.getTime() - 30_000)), lastStep: null, now })).toBe(step! - 1);
    expect(acceptTotp({ secret, code: codeAt(secret, new Date(now.getTime() + 30_000)), lastStep: null, now })).toBe(step! + 1);
    expect(acceptTotp({ secret, code: codeAt(secret, new Date(now.getTime() - 90_000)), lastStep: null, now })).toBeNull();
    expect(acceptTotp({ secret: newTotpSecret(), code: codeAt(secret, now), lastStep: null, now })).toBeNull();
  });

  test('a code is accepted once: its step and any earlier one are refused afterwards', () => {
    const code = codeAt(secret, now);
    const step = acceptTotp({ secret, code, lastStep: null, now })!;
    expect(acceptTotp({ secret, code, lastStep: step, now })).toBeNull();
    expect(acceptTotp({ secret, code: codeAt(secret, new Date(now.getTime() - 30_000)), lastStep: step, now })).toBeNull();
    expect(acceptTotp({ secret, code: codeAt(secret, new Date(now.getTime() + 30_000)), lastStep: step, now })).toBe(step + 1);
  });

  test('typed spaces are ignored; anything but six digits is not a code', () => {
    const code = codeAt(secret, now);
    expect(acceptTotp({ secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, lastStep: null, now })).not.toBeNull();
    for (const code of ['', '12345', '1234567', 'abcdef']) expect(acceptTotp({ secret, code, lastStep: null, now })).toBeNull();
  });

  test('ten distinct recovery codes; each works once, typed in any case, with or without its dash', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const hashes = codes.map(hashRecoveryCode);
    const typed = normalizeCode(codes[3]!).toLowerCase();
    const left = consumeRecoveryCode(hashes, typed);
    expect(left).toHaveLength(9);
    expect(consumeRecoveryCode(left!, codes[3]!)).toBeNull();
    expect(consumeRecoveryCode(hashes, 'AAAA-AAAA')).toBeNull();
    expect(hashes.some((hash) => hash.includes(codes[0]!))).toBe(false);
  });
});
