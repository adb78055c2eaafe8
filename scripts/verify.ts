// npm run verify: recomputes every letter hash, signature hash and the audit chain, prints one
// line per row changed behind the application's back, and exits 1 if there is any.
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { verifyIntegrity } from '@/lib/server/verify/verify-integrity';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (run through scripts/with-db.ts)');
  process.exit(2);
}
const db = createPrismaClient(url, 2);
try {
  const { problems, checked } = await verifyIntegrity(db);
  for (const line of problems) console.log(line);
  const scope = `${checked.versions} letter versions, ${checked.signatures} signatures, ${checked.auditEvents} audit events`;
  console.log(problems.length === 0 ? `verify: OK — checked ${scope}` : `verify: ${problems.length} problem(s) — checked ${scope}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await db.$disconnect();
}
