// Seeds the demo county: units, leaders with 分管 units, the office, a head and a liaison for every
// unit, and the five documents in seeds/ imported and published through the importer.
// Idempotent: running it again changes nothing. Run with `--conditions=react-server` (see package.json).
// It refuses a database that `npm run setup` made a real installation, and marks the ones it seeds
// as the demo, which `npm run setup` in turn refuses.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { db } from '@/lib/server/db';
import { sourceHashOf } from '@/lib/server/plans/create-plan-draft';
import { ADMINS, DEMO_PASSWORD, LEADERS, UNIT_KEYWORDS, UNITS, unitPeopleNames } from './seed/directory';
import { seedPlans } from './seed/plans';
import { seedActivity } from './seed/activity';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';
import { markDemoInstallation } from '@/lib/server/installation/mark-demo-installation';
import { InstallationRefused } from '@/lib/server/installation/set-up-installation';
import { refreshTaskLights } from '@/lib/server/tasks/refresh-task-lights';

/** The demo runs its plans in the current year (Asia/Shanghai), whatever year the documents name. */
function demoYear() {
  return Number(process.env.LUOSHI_DEMO_YEAR) || shanghaiYear(new Date());
}

async function main() {
  await markDemoInstallation(db);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const unitIds = new Map<string, string>();
  for (const [index, unit] of UNITS.entries()) {
    const row = await db.unit.upsert({
      where: { code: unit.code },
      create: { ...unit, sortOrder: index, keywords: UNIT_KEYWORDS[unit.code] ?? [] },
      update: { name: unit.name, shortName: unit.shortName, kind: unit.kind, sortOrder: index, keywords: UNIT_KEYWORDS[unit.code] ?? [] },
    });
    unitIds.set(unit.code, row.id);
  }

  const upsertUser = (data: { username: string; name: string; title?: string; role: 'ADMIN' | 'LEADER' | 'UNIT_HEAD' | 'UNIT_STAFF'; unitId: string | null }) =>
    db.user.upsert({ where: { username: data.username }, create: { ...data, passwordHash }, update: {} });

  for (const admin of ADMINS) {
    await upsertUser({ username: admin.username, name: admin.name, title: admin.title, role: 'ADMIN', unitId: unitIds.get(admin.unitCode)! });
  }
  for (const leader of LEADERS) {
    const user = await upsertUser({ username: leader.username, name: leader.name, title: leader.title, role: 'LEADER', unitId: null });
    for (const code of leader.oversees) {
      const unitId = unitIds.get(code)!;
      await db.leaderUnit.upsert({
        where: { leaderId_unitId: { leaderId: user.id, unitId } },
        create: { leaderId: user.id, unitId },
        update: {},
      });
    }
  }
  for (const [index, unit] of UNITS.entries()) {
    if (unit.code === 'xwb') continue;
    const names = unitPeopleNames(index);
    const unitId = unitIds.get(unit.code)!;
    await upsertUser({ username: `${unit.code}_head`, name: names.head, title: `${unit.shortName}负责人`, role: 'UNIT_HEAD', unitId });
    await upsertUser({ username: `${unit.code}_staff`, name: names.staff, title: `${unit.shortName}联络员`, role: 'UNIT_STAFF', unitId });
  }

  const seedDir = path.resolve('seeds');
  const documents = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(seedDir, name), 'utf8');
      return { name, text, hash: sourceHashOf(text) };
    });
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const adminUser = { id: admin.id, username: admin.username, name: admin.name, role: admin.role, unitId: admin.unitId };
  const summary = await seedPlans(db, documents, adminUser, demoYear());
  const activity = process.env.LUOSHI_SEED_ACTIVITY === '0' ? 'no activity' : await seedActivity(db, adminUser);
  // What the daily job does: every task's stored light is today's from the start.
  await refreshTaskLights();

  const counts = { units: await db.unit.count(), users: await db.user.count(), plans: await db.plan.count(), tasks: await db.task.count() };
  console.log(`seed: ${counts.units} units, ${counts.users} users, ${counts.plans} plans, ${counts.tasks} tasks; ${summary}; ${activity}`);
}

main()
  .catch((error) => {
    console.error(error instanceof InstallationRefused ? `seed: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
