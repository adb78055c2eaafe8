import { z } from 'zod';

// Server environment, validated once. scripts/with-db.ts fills DATABASE_URL (embedded PostgreSQL)
// and a persisted NEXTAUTH_SECRET when they are not given.
const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL 必须是 postgresql:// 连接串'),
  /**
   * Connections this server keeps to PostgreSQL. Each write transaction holds one until it commits, so
   * it bounds the writes in flight; keep (servers × pool) below the server's max_connections.
   */
  LUOSHI_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Memory each app process gives its cache of rendered pages (lib/platform/page-server.ts); 0 turns it off. */
  LUOSHI_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Read by next-auth itself; scripts and tests that never sign anyone in may leave it unset.
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET 至少 16 个字符').optional(),
  /** Where report attachments live: `local` (LUOSHI_UPLOAD_DIR) or `s3` (any S3-compatible store, LUOSHI_S3_*). */
  LUOSHI_ATTACHMENT_STORE: z.enum(['local', 's3']).default('local'),
  LUOSHI_UPLOAD_DIR: z.string().default('data/uploads'),
  /** The S3 API's address, e.g. https://oss-cn-hangzhou.aliyuncs.com or http://minio:9000; unset for AWS itself. */
  LUOSHI_S3_ENDPOINT: z.string().url('LUOSHI_S3_ENDPOINT 必须是 http(s):// 地址').optional(),
  LUOSHI_S3_REGION: z.string().min(1).default('us-east-1'),
  LUOSHI_S3_BUCKET: z.string().optional(),
  LUOSHI_S3_ACCESS_KEY_ID: z.string().optional(),
  LUOSHI_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** `true` for MinIO and most self-hosted stores (bucket in the path, not in the host name). */
  LUOSHI_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  LUOSHI_COUNTY_NAME: z.string().default('示范县'),
  /** `off`: this server runs no scheduled jobs (tests; or servers kept for requests only). */
  LUOSHI_JOBS: z.enum(['on', 'off']).default('on'),
  /** Our reverse proxies (IPv4 addresses or networks, IPv6 addresses): only their X-Forwarded-For is believed. */
  LUOSHI_TRUSTED_PROXIES: z.string().default(''),
  /** The county identity provider (OpenID Connect) until the office sets one at /admin/sign-in. */
  LUOSHI_OIDC_ISSUER: z.string().optional(),
  LUOSHI_OIDC_CLIENT_ID: z.string().optional(),
  LUOSHI_OIDC_CLIENT_SECRET: z.string().optional(),
  LUOSHI_OIDC_ACCOUNT_CLAIM: z.string().optional(),
  LUOSHI_OIDC_LABEL: z.string().optional(),
}).superRefine((env, ctx) => {
  if (env.LUOSHI_ATTACHMENT_STORE !== 's3') return;
  for (const key of ['LUOSHI_S3_BUCKET', 'LUOSHI_S3_ACCESS_KEY_ID', 'LUOSHI_S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `LUOSHI_ATTACHMENT_STORE=s3 需要设置 ${key}` });
  }
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
