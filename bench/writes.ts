// The bench's write stage, against the bench database (run.ts points the data layer at it):
//   - `writers` lead units file progress reports on different tasks, as fast as they can, for
//     `seconds`: reports per second (each is one transaction: report, task, stored light, audit
//     chain, notifications);
//   - writers race on ONE task, each re-reading the version after 已被他人修改 and retrying: every
//     accepted report must be one version step and one stored report (0 lost updates);
//   - then the full integrity check (`npm run verify`'s): the audit chain must still be intact.
import type pg from 'pg';
import { fileProgressReport } from '../lib/server/reports/file-progress-report';
import { db } from '../lib/server/db';
import { runIntegrityCheck } from '../lib/server/verify/run-integrity-check';
import { createPrismaClient } from '../lib/platform/db/create-client';
import { UserFacingError } from '../lib/server/errors';
import type { SessionUser } from '../lib/server/auth/permissions';
import { timingOf } from './measure';

type Writer = { user: SessionUser; taskId: string };

async function writersOnDistinctTasks(pool: pg.Pool, count: number): Promise<Writer[]> {
  // One open task per lead unit (as many units as writers), filed by that unit's liaison.
  const { rows } = await pool.query(
    `SELECT DISTINCT ON (t."leadUnitId") t."id" AS "taskId", u."id", u."username", u."name", u."role", u."unitId"
     FROM "Task" t JOIN "User" u ON u."unitId" = t."leadUnitId" AND u."role" = 'UNIT_STAFF'
     WHERE t."status" = 'IN_PROGRESS' AND t."cadence" = 'MONTHLY'
     ORDER BY t."leadUnitId", t."id", u."username" LIMIT $1`,
    [count],
  );
  return rows.map((r) => ({ taskId: r.taskId, user: { id: r.id, username: r.username, name: r.name, role: r.role, unitId: r.unitId } }));
}

async function versionOf(taskId: string) {
  return (await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
}

const isStale = (error: unknown) => error instanceof UserFacingError && error.message.includes('已被他人修改');

export async function measureWrites({ pool, writers, seconds }: { pool: pg.Pool; writers: number; seconds: number }) {
  const crew = await writersOnDistinctTasks(pool, writers);
  const durations: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    crew.map(async ({ user, taskId }, w) => {
      let version = await versionOf(taskId);
      for (let i = 0; performance.now() < until; i++) {
        const t0 = performance.now();
        try {
          await fileProgressReport({ user, input: { taskId, version, narrative: `压测报送 ${w}-${i}`, percent: (i * 7) % 100 } });
          version += 1;
          durations.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.log(`# write error: ${error instanceof Error ? error.message : String(error)}`);
          version = await versionOf(taskId);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  // Same task: `racers` writers, `attempts` accepted reports each, retrying on a stale version.
  const [shared] = crew;
  if (!shared) throw new Error('no open task to write to');
  const racers = Math.min(10, crew.length);
  const attempts = 5;
  const before = { version: await versionOf(shared.taskId), reports: await db.progressReport.count({ where: { taskId: shared.taskId } }) };
  let filed = 0;
  let retries = 0;
  await Promise.all(
    Array.from({ length: racers }, async (_, r) => {
      for (let done = 0; done < attempts; ) {
        try {
          await fileProgressReport({ user: shared.user, input: { taskId: shared.taskId, version: await versionOf(shared.taskId), narrative: `并发报送 ${r}-${done}`, percent: 50 } });
          filed += 1;
          done += 1;
        } catch (error) {
          if (!isStale(error)) throw error;
          retries += 1;
        }
      }
    }),
  );
  const versionSteps = (await versionOf(shared.taskId)) - before.version;
  const reports = (await db.progressReport.count({ where: { taskId: shared.taskId } })) - before.reports;

  const verifyClient = createPrismaClient(process.env.DATABASE_URL!, 2);
  const verifyStarted = performance.now();
  try {
    const { report } = await runIntegrityCheck(verifyClient);
    return {
      reports: { writers: crew.length, filed: durations.length, perSecond: durations.length / elapsed, timing: timingOf(durations), errors },
      sameTask: { writers: racers, filed, versionSteps, reports, retries, lost: filed * 2 - versionSteps - reports },
      verify: { auditEvents: report.checked.auditEvents, problems: report.problems, ms: performance.now() - verifyStarted },
    };
  } finally {
    await verifyClient.$disconnect();
  }
}
