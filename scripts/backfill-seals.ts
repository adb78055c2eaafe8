// npm run seals:backfill — once, after upgrading a database that holds letters issued or signed
// before county keys existed: signs those records with the county key if, and only if, nothing else
// fails verification (see lib/server/verify/backfill-county-seals.ts). Runs as the owner
// (DATABASE_OWNER_URL when set): the application's role cannot update signatures.
import { ownerDatabaseUrl } from '@/lib/platform/db/app-role';
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { backfillCountySeals } from '@/lib/server/verify/backfill-county-seals';

const db = createPrismaClient(ownerDatabaseUrl(), 2);
try {
  const outcome = await db.$transaction((tx) => backfillCountySeals(tx), { timeout: 600_000 });
  if (!outcome.ok) {
    for (const line of outcome.problems) console.log(line);
    console.log(`seals:backfill: refused, nothing signed — ${outcome.problems.length} problem(s) other than the missing seals of old letters; run npm run verify`);
    process.exitCode = 1;
  } else if (outcome.versions.length + outcome.signatures.length === 0) {
    console.log('seals:backfill: nothing to do — every issued letter and signature carries the county seal');
  } else {
    console.log(`seals:backfill: sealed ${outcome.versions.length} letter version(s) and ${outcome.signatures.length} signature(s); now run npm run verify`);
  }
} finally {
  await db.$disconnect();
}
