import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { serverEnv } from '@/lib/platform/env';

// One client per process (dev hot reload would otherwise open a pool per edit), created on first
// use so that `next build` can import the data layer without a database.
const globalForPrisma = globalThis as unknown as { luoshiPrisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.luoshiPrisma ??= createPrismaClient(serverEnv().DATABASE_URL, serverEnv().LUOSHI_DB_POOL_SIZE);
  return globalForPrisma.luoshiPrisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === 'function' ? value.bind(instance) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
