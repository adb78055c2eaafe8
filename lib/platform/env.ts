import { z } from 'zod';

// Server environment, validated once. scripts/with-db.ts fills DATABASE_URL (embedded PostgreSQL)
// and a persisted NEXTAUTH_SECRET when they are not given.
const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL 必须是 postgresql:// 连接串'),
  // Read by next-auth itself; scripts and tests that never sign anyone in may leave it unset.
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET 至少 16 个字符').optional(),
  LUOSHI_UPLOAD_DIR: z.string().default('data/uploads'),
  LUOSHI_COUNTY_NAME: z.string().default('示范县'),
  LUOSHI_JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  /** Our reverse proxies (IPv4 addresses or networks, IPv6 addresses): only their X-Forwarded-For is believed. */
  LUOSHI_TRUSTED_PROXIES: z.string().default(''),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`环境变量无效 / invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}
