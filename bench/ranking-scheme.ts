// `tsx scripts/with-db.ts tsx --conditions=react-server bench/ranking-scheme.ts [--samples 10]`, after
// `npm run bench -- --tasks 10000 …` has built luoshi_bench on the same server (LUOSHI_PG_DIR):
// times the ranking page's data (getUnitRanking, the whole county) under the default scheme (scored
// from the figures) and under the shipped 承诺书目标计分 scheme (task points, deductions, bonuses):
// live (stored columns and grouped counts) and from every task's history, as the 通报 of a past day does
// (the generated tasks are created on the day of the run, so a past day itself has nothing to rank). The scheme is stored for the bench year for
// the run and removed afterwards.
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({ options: { samples: { type: 'string', default: '10' } } });
const ownerUrl = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!ownerUrl) {
  console.error('bench: DATABASE_URL is not set; run it through scripts/with-db.ts');
  process.exit(2);
}
const url = new URL(ownerUrl);
url.pathname = '/luoshi_bench';
process.env.DATABASE_URL = url.toString();

const { db } = await import('@/lib/server/db');
const { getUnitRanking, rankBySchemeOfYear } = await import('@/lib/server/ranking/get-unit-ranking');
const { getUnitTaskStats } = await import('@/lib/server/ranking/get-unit-task-stats');
const { LETTER_TARGETS_SCHEME } = await import('@/lib/core/assessment/scheme');
const { jsonValue } = await import('@/lib/server/assessment/assessment-rows');
const { shanghaiIsoDate } = await import('@/lib/core/schedule/calendar-day');
const { benchLine, measure } = await import('./measure');

const admin = await db.user.findFirstOrThrow({ where: { role: 'ADMIN', active: true } });
const user = { id: admin.id, username: admin.username, name: admin.name, role: admin.role, unitId: admin.unitId };
const { year } = await db.task.findFirstOrThrow({ select: { year: true }, orderBy: { year: 'desc' } });
const tasks = await db.task.count({ where: { year } });
const samples = Number(flags.samples);

async function timed(name: string, run: () => Promise<unknown>) {
  console.log(benchLine(`ranking-${name}`, { db: 'embedded', n: tasks, timing: await measure(run, { warmup: 1, samples }) }));
}

await db.assessmentScheme.deleteMany({ where: { year } });
try {
  await timed('default-scheme', () => getUnitRanking({ user, year }));
  await db.assessmentScheme.create({ data: { year, scheme: jsonValue(LETTER_TARGETS_SCHEME), updatedByName: 'bench' } });
  await timed('letter-targets-scheme', () => getUnitRanking({ user, year }));
  // The same ranking scored from every task's history (what the page did before live-scheme-scores.ts).
  const now = new Date();
  const stats = await getUnitTaskStats({ user, scope: 'county', year, asOf: now });
  await timed('letter-targets-scheme-from-history', () => rankBySchemeOfYear({ stats, year, asOf: shanghaiIsoDate(now) }));
} finally {
  await db.assessmentScheme.deleteMany({ where: { year } });
  await db.$disconnect();
}
