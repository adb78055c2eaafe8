import { defineConfig } from 'prisma/config';

// Every Prisma 7 CLI command first tries to download the native schema engine, which these
// offline machines cannot reach. Migrations run through scripts/migrate.ts (WebAssembly engine);
// the CLI is only used for `prisma generate`, which does not need the binary.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/bin/false';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/luoshi' },
});
