// npm run verify: recomputes every letter hash and county signature, every published assessment's
// hash and seal, the audit chain and its signed checkpoints (database and file), prints one line per record changed behind the application's back
// and exits 1 if there is any. A clean run anchors the chain with a new checkpoint.
import { createPrismaClient } from '@/lib/platform/db/create-client';
import { runIntegrityCheck } from '@/lib/server/verify/run-integrity-check';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set (run through scripts/with-db.ts)');
  process.exit(2);
}
const db = createPrismaClient(url, 2);
try {
  const { report, outcome } = await runIntegrityCheck(db);
  const { problems, checked } = report;
  for (const line of problems) console.log(line);
  const scope = `${checked.versions} letter versions, ${checked.signatures} signatures, ${checked.assessments} published assessments, ${checked.auditEvents} audit events, ${checked.checkpoints} checkpoints`;
  console.log(problems.length === 0 ? `verify: OK — checked ${scope}` : `verify: ${problems.length} problem(s) — checked ${scope}`);
  if (outcome.checkpoint) console.log(`verify: wrote audit checkpoint ${outcome.checkpoint.seq} (event seq ${outcome.checkpoint.eventSeq})`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await db.$disconnect();
}
