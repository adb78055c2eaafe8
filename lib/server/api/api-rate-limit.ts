import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimitStoreClient } from '@/lib/server/rate-limit-store';
import { ApiError } from '@/lib/server/api/api-error';

/**
 * API throttling in the same PostgreSQL RateLimit table as sign-in (shared by every app server):
 * - one address: 30 unknown, expired or revoked tokens in 15 minutes block the address for 15 minutes,
 *   as 30 failed sign-ins do, so secrets cannot be guessed;
 * - one token: at most 300 requests a minute, so one integration cannot starve the county's users.
 */
export const API_THROTTLE = { failureWindowSeconds: 15 * 60, addressFailures: 30, tokenRequestsPerMinute: 300 } as const;

type Limiters = { failures: RateLimiterPostgres; requests: RateLimiterPostgres };
const globalForThrottle = globalThis as unknown as { luoshiApiLimiters?: Limiters };

function limiters(): Limiters {
  if (globalForThrottle.luoshiApiLimiters) return globalForThrottle.luoshiApiLimiters;
  const common = { storeClient: rateLimitStoreClient(), tableName: 'RateLimit', tableCreated: true };
  globalForThrottle.luoshiApiLimiters = {
    failures: new RateLimiterPostgres({
      ...common,
      keyPrefix: 'api-address',
      points: API_THROTTLE.addressFailures,
      duration: API_THROTTLE.failureWindowSeconds,
      blockDuration: API_THROTTLE.failureWindowSeconds,
    }),
    requests: new RateLimiterPostgres({ ...common, keyPrefix: 'api-token', points: API_THROTTLE.tokenRequestsPerMinute, duration: 60 }),
  };
  return globalForThrottle.luoshiApiLimiters;
}

const addressKey = (ip: string | null) => ip ?? 'unknown';
const seconds = (res: RateLimiterRes | null) => Math.max(1, Math.ceil((res?.msBeforeNext ?? 0) / 1000));

/** Before a token is looked up: refuse an address that has sent too many bad tokens. */
export async function checkApiAddress(ip: string | null): Promise<void> {
  const state = await limiters().failures.get(addressKey(ip));
  if (state && state.consumedPoints >= API_THROTTLE.addressFailures) {
    throw new ApiError('RATE_LIMITED', `此地址使用无效令牌次数过多，请在 ${Math.ceil(seconds(state) / 60)} 分钟后再试`, seconds(state));
  }
}

export async function recordApiTokenFailure(ip: string | null): Promise<void> {
  await limiters()
    .failures.consume(addressKey(ip))
    .catch((error: unknown) => {
      // consume() rejects with the limiter's state once the points run out; that is the block itself.
      if (!(error instanceof RateLimiterRes)) throw error;
    });
}

/** One request by a known token; past the per-minute budget the call is refused until the minute ends. */
export async function consumeApiRequest(tokenId: string): Promise<void> {
  try {
    await limiters().requests.consume(tokenId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new ApiError('RATE_LIMITED', `请求过于频繁，请在 ${seconds(error)} 秒后再试`, seconds(error));
  }
}
