import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimitStoreClient } from '@/lib/server/rate-limit-store';
import { db } from '@/lib/server/db';

/**
 * Sign-in throttling, kept in PostgreSQL (the RateLimit table) so every app server shares it.
 * An attacker must not be able to lock a real user out from elsewhere, so the lockout follows
 * the address the failures come from:
 * - one address and one account: 5 failures in 15 minutes lock that account for that address;
 * - one address, any accounts: 30 failures in 15 minutes block the address;
 * - one account, every address: past 10 failures in 15 minutes each attempt waits a little
 *   longer (up to 5 s), so guessing slows down while the owner can still sign in.
 */
export const SIGN_IN_THROTTLE = {
  windowSeconds: 15 * 60,
  accountAddressFailures: 5,
  addressFailures: 30,
  accountFailuresBeforeDelay: 10,
  delayStepMs: 500,
  maxDelayMs: 5_000,
} as const;

type Limiters = { accountAddress: RateLimiterPostgres; address: RateLimiterPostgres; account: RateLimiterPostgres };
const globalForThrottle = globalThis as unknown as { luoshiSignInLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForThrottle.luoshiSignInLimiters) return globalForThrottle.luoshiSignInLimiters;
  const common = { storeClient: rateLimitStoreClient(), tableName: 'RateLimit', tableCreated: true, duration: SIGN_IN_THROTTLE.windowSeconds };
  globalForThrottle.luoshiSignInLimiters = {
    accountAddress: new RateLimiterPostgres({ ...common, keyPrefix: 'signin-account-address', points: SIGN_IN_THROTTLE.accountAddressFailures, blockDuration: SIGN_IN_THROTTLE.windowSeconds }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: 'signin-address', points: SIGN_IN_THROTTLE.addressFailures, blockDuration: SIGN_IN_THROTTLE.windowSeconds }),
    account: new RateLimiterPostgres({ ...common, keyPrefix: 'signin-account', points: 1_000_000 }),
  };
  return globalForThrottle.luoshiSignInLimiters;
}

const addressKey = (ip: string | null) => ip ?? 'unknown';
const accountKey = (username: string) => username.toLowerCase();
const minutes = (res: RateLimiterRes | null) => Math.max(1, Math.ceil((res?.msBeforeNext ?? 0) / 60_000));

export type ThrottleVerdict = { refused: string } | { delayMs: number };

/** Before the password is checked: refuse a blocked address, or say how long to hold the attempt. */
export async function checkSignInThrottle(username: string, ip: string | null): Promise<ThrottleVerdict> {
  const { accountAddress, address, account } = limiters();
  const [pair, from, onAccount] = await Promise.all([
    accountAddress.get(`${accountKey(username)}|${addressKey(ip)}`),
    address.get(addressKey(ip)),
    account.get(accountKey(username)),
  ]);
  if (from && from.consumedPoints >= SIGN_IN_THROTTLE.addressFailures) {
    return { refused: `此地址登录失败次数过多，请在 ${minutes(from)} 分钟后再试` };
  }
  if (pair && pair.consumedPoints >= SIGN_IN_THROTTLE.accountAddressFailures) {
    return { refused: `登录失败次数过多，账号已锁定，请在 ${minutes(pair)} 分钟后再试` };
  }
  const excess = (onAccount?.consumedPoints ?? 0) - SIGN_IN_THROTTLE.accountFailuresBeforeDelay;
  return { delayMs: excess > 0 ? Math.min(excess * SIGN_IN_THROTTLE.delayStepMs, SIGN_IN_THROTTLE.maxDelayMs) : 0 };
}

/**
 * A failed attempt counts against the pair, the address and the account. Answers how many
 * attempts this account has left from this address before it is locked there.
 */
export async function recordSignInFailure(username: string, ip: string | null): Promise<number> {
  const { accountAddress, address, account } = limiters();
  // consume() rejects with the limiter's state once the points run out; that is the block itself.
  const blockedState = (error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
    return error;
  };
  const [pair] = await Promise.all([
    accountAddress.consume(`${accountKey(username)}|${addressKey(ip)}`).catch(blockedState),
    address.consume(addressKey(ip)).catch(blockedState),
    account.consume(accountKey(username)).catch(blockedState),
  ]);
  return Math.max(0, SIGN_IN_THROTTLE.accountAddressFailures - pair.consumedPoints);
}

/** Warn this many attempts before the lock (还可尝试 N 次), not on the first slip. */
export const SIGN_IN_WARN_REMAINING = 3;

/** The refusal of a wrong password, with the attempts left once they run low. */
export function wrongPasswordMessage(remaining: number): string {
  if (remaining <= 0) return `账号或密码错误；失败次数过多，账号已锁定，请在 ${Math.ceil(SIGN_IN_THROTTLE.windowSeconds / 60)} 分钟后再试`;
  if (remaining <= SIGN_IN_WARN_REMAINING) return `账号或密码错误，还可尝试 ${remaining} 次`;
  return '账号或密码错误';
}

/** A successful sign-in clears that address's failures for the account. */
export async function recordSignInSuccess(username: string, ip: string | null): Promise<void> {
  await limiters().accountAddress.delete(`${accountKey(username)}|${addressKey(ip)}`);
}

/** An administrator's unlock: the account's failures from every address stop counting. */
export async function resetSignInThrottle(username: string): Promise<void> {
  const account = accountKey(username);
  await db.rateLimit.deleteMany({ where: { OR: [{ key: { startsWith: `signin-account-address:${account}|` } }, { key: `signin-account:${account}` }] } });
}
