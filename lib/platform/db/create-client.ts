import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The one way a Prisma client is made: the app, scripts, seeds, tests and benchmarks all use it.
 * A transaction waits up to 10 s for a free connection (Prisma's default, 2 s, turned a burst of
 * writes into "Unable to start a transaction in the given time" errors instead of a short queue).
 */
export function createPrismaClient(connectionString: string, poolSize = 10) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }), transactionOptions: { maxWait: 10_000 } });
}
