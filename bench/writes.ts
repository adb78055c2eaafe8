// The bench's write stage, against the bench database (run.ts points the data layer at it):
//   - `writers` lead units file progress reports on different tasks, as fast as they can, for
//     `seconds`: reports per second, latency, errors, the audit shards they spread over, and this
//     process's CPU per report (it is the app server here: the ceiling per core is 1000 / cpu_ms);
//     each report is one transaction: report, task, stored light, audit chain, notifications;
//   - writers race on ONE task: first all on the same version (exactly one may win, the rest get
//     已被他人修改), then each re-reading the version and retrying: every accepted report must be
//     one version step and one stored report (0 lost updates);
//   - then the full integrity check (`npm run verify`'s): every audit shard must still be intact.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The CPU time (ms) of the PostgreSQL server's processes, when it runs on this machine (Linux /proc); else null. */
async function databaseCpuMs(pool: pg.Pool): Promise<(() => number) | null> {
  const backend = Number((await pool.query('SELECT pg_backend_pid() AS "pid"')).rows[0].pid);
  const stat = (pid: string | number) => {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' '); // after "pid (name) "
  };
  if (!existsSync(`/proc/${backend}/stat`)) return null;
  const postmaster = stat(backend)[1]!; // fields after the name: state, ppid, …
  const ticksPerMs = 100 / 1000; // USER_HZ, 100 on Linux
  return () => {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = stat(pid);
        if (pid !== postmaster && fields[1] !== postmaster) continue;
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks / ticksPerMs;
  };
}

/**
 * One lead unit filing a progress report every `everyMs` for `seconds`, beside a load run: a county's
 * steady pace of writes, each of which makes every page the servers keep stale.
 */
export async function trickleReports(pool: pg.Pool, { everyMs, seconds }: { everyMs: number; seconds: number }) {
  const [writer] = await writersOnDistinctTasks(pool, 1);
  if (!writer) throw new Error('no open task to write to');
  let version = await versionOf(writer.taskId);
  let filed = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    await fileProgressReport({ user: writer.user, input: { taskId: writer.taskId, version, narrative: `压测持续报送 ${filed}`, percent: (filed * 7) % 100 } });
    version += 1;
    filed += 1;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return { filed };
}

const isStale = (error: unknown) => error instanceof UserFacingError && error.message.includes('已被他人修改');

export async function measureWrites({ pool, writers, seconds }: { pool: pg.Pool; writers: number; seconds: number }) {
  const crew = await writersOnDistinctTasks(pool, writers);
  const durations: number[] = [];
  let errors = 0;
  const firstSeq = Number((await pool.query('SELECT coalesce(max("seq"), 0) AS "seq" FROM "AuditEvent"')).rows[0].seq);
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const dbCpu = await databaseCpuMs(pool);
  const dbCpuBefore = dbCpu?.() ?? 0;
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
  const cpu = process.cpuUsage(cpuBefore);
  const dbCpuMs = dbCpu ? dbCpu() - dbCpuBefore : null;
  const shards = Number((await pool.query('SELECT count(DISTINCT "shard")::int AS "n" FROM "AuditEvent" WHERE "seq" > $1', [firstSeq])).rows[0].n);

  // Same task: `racers` writers, `attempts` accepted reports each, retrying on a stale version.
  const [shared] = crew;
  if (!shared) throw new Error('no open task to write to');
  const racers = Math.min(10, crew.length);
  const attempts = 5;
  const before = { version: await versionOf(shared.taskId), reports: await db.progressReport.count({ where: { taskId: shared.taskId } }) };
  // All on the version they read: exactly one report may be accepted.
  const sameVersion = await Promise.allSettled(
    Array.from({ length: racers }, (_, r) => fileProgressReport({ user: shared.user, input: { taskId: shared.taskId, version: before.version, narrative: `同版本报送 ${r}`, percent: 40 } })),
  );
  const firstRound = {
    accepted: sameVersion.filter((r) => r.status === 'fulfilled').length,
    stale: sameVersion.filter((r) => r.status === 'rejected' && isStale(r.reason)).length,
  };
  let filed = firstRound.accepted;
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
      reports: { writers: crew.length, filed: durations.length, perSecond: durations.length / elapsed, timing: timingOf(durations), errors, shards, cpuMsPerReport: (cpu.user + cpu.system) / 1000 / Math.max(1, durations.length), dbCpuMsPerReport: dbCpuMs === null ? null : dbCpuMs / Math.max(1, durations.length) },
      sameTask: { writers: racers, firstRound, filed, versionSteps, reports, retries, lost: filed * 2 - versionSteps - reports },
      verify: { auditEvents: report.checked.auditEvents, problems: report.problems, ms: performance.now() - verifyStarted },
    };
  } finally {
    await verifyClient.$disconnect();
  }
}
