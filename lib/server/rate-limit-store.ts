import 'server-only';
import pg from 'pg';
import { serverEnv } from '@/lib/platform/env';

const globalForStore = globalThis as unknown as { luoshiRateLimitPool?: pg.Pool };

/**
 * The one small pool rate-limiter-flexible's PostgreSQL limiters (sign-in and API throttling,
 * the RateLimit table) share: it speaks `pg` directly, not through Prisma.
 */
export function rateLimitStoreClient(): pg.Pool {
  globalForStore.luoshiRateLimitPool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 3, allowExitOnIdle: true });
  return globalForStore.luoshiRateLimitPool;
}
