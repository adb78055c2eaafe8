// Test data for the e2e journeys, written straight into the e2e database (the server that
// playwright.config.ts starts on E2E_PG_DIR), for data the UI cannot create in a journey.
//
// NOTE: reconstructed. This file was accidentally overwritten by the task-workflow work; the API the
// task-list and commitments specs import (createTaskFixtures, e2eDb, shanghaiIsoDay, uniqueTag,
// unitIdByCode) was rebuilt from how those specs use it. Its owner should check it against theirs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '../../lib/platform/db/create-client';

const PG_DIR = process.env.E2E_PG_DIR ?? 'data/pg-e2e';
// playwright.config.ts gives the server this upload directory.
const UPLOAD_DIR = path.resolve(`${PG_DIR}-uploads`);

let client: ReturnType<typeof createPrismaClient> | null = null;

/** The e2e database, found through the port its postmaster.pid records (line 4). */
export function e2eDb() {
  if (!client) {
    const port = Number(readFileSync(path.resolve(PG_DIR, 'postmaster.pid'), 'utf8').split('\n')[3]);
    client = createPrismaClient(`postgresql://postgres:postgres@127.0.0.1:${port}/luoshi`, 2);
  }
  return client;
}

/** A string no other run or test uses, to find this test's rows (e.g. in a search box). */
export function uniqueTag(prefix: string): string {
  return `${prefix}${randomUUID().slice(0, 6)}`;
}

/** YYYY-MM-DD of the Asia/Shanghai calendar day `offsetDays` from today. */
export function shanghaiIsoDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export async function unitIdByCode(code: string): Promise<string> {
  return (await e2eDb().unit.findUniqueOrThrow({ where: { code } })).id;
}

export type TaskFixture = {
  title: string;
  /** Unit codes, e.g. 'fgj'. */
  leadUnit: string;
  coUnits?: string[];
  /** Leader usernames, e.g. 'leader'. */
  leaders?: string[];
  startDate: string;
  deadline: string;
  deadlineText?: string;
  sourceText?: string;
  cadence?: 'WEEKLY' | 'MONTHLY' | 'MILESTONE';
  /** Target phrases; the first number in a phrase is its value (≥), none makes it 待定. */
  targets?: string[];
  progressPercent?: number;
  lastReportAt?: Date;
  /** Defaults to ASSIGNED (交办), as a new task starts. */
  status?: 'ASSIGNED' | 'ACKNOWLEDGED' | 'IN_PROGRESS' | 'CLOSURE_REQUESTED' | 'CLOSED';
};

/** Inserts tasks as the office (admin) would have assigned them; returns them with their targets. */
export async function createTaskFixtures(fixtures: TaskFixture[]) {
  const db = e2eDb();
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const created = [];
  for (const fixture of fixtures) {
    const leaders = await db.user.findMany({ where: { username: { in: fixture.leaders ?? [] } }, select: { id: true } });
    const coUnitIds = await Promise.all((fixture.coUnits ?? []).map(unitIdByCode));
    created.push(
      await db.task.create({
        data: {
          code: `E2E-${randomUUID().slice(0, 12)}`,
          year: Number(fixture.startDate.slice(0, 4)),
          title: fixture.title,
          sourceText: fixture.sourceText ?? null,
          leadUnitId: await unitIdByCode(fixture.leadUnit),
          startDate: new Date(`${fixture.startDate}T00:00:00Z`),
          deadline: new Date(`${fixture.deadline}T00:00:00Z`),
          deadlineText: fixture.deadlineText ?? null,
          cadence: fixture.cadence ?? 'MONTHLY',
          status: fixture.status,
          progressPercent: fixture.progressPercent ?? 0,
          lastReportAt: fixture.lastReportAt ?? null,
          createdById: admin.id,
          leaders: { create: leaders.map((leader) => ({ leaderId: leader.id })) },
          coUnits: { create: coUnitIds.map((unitId) => ({ unitId })) },
          targets: {
            create: (fixture.targets ?? []).map((metric, position) => {
              const value = metric.match(/\d+(?:\.\d+)?/)?.[0];
              return { position, metric, comparator: 'GTE' as const, value: value ?? null, placeholder: value === undefined };
            }),
          },
        },
        include: { targets: true },
      }),
    );
  }
  return created;
}

/** The workflow journeys' task: 发改局 leads, 财政局 co-operates, one target, assigned 10 days ago, due in 60. */
export async function createJourneyTask(title: string) {
  const [task] = await createTaskFixtures([
    {
      title,
      leadUnit: 'fgj',
      coUnits: ['czj'],
      leaders: ['leader'],
      startDate: shanghaiIsoDay(-10),
      deadline: shanghaiIsoDay(60),
      deadlineText: '年底前',
      sourceText: `${title}，全年建设项目200个以上。`,
      targets: ['全年建设项目200个以上'],
    },
  ]);
  return task!;
}

/** A journey task with one progress report whose PDF attachment is on disk, for access checks. */
export async function createTaskWithAttachment(title: string, bytes: Uint8Array) {
  const db = e2eDb();
  const task = await createJourneyTask(title);
  const author = await db.user.findUniqueOrThrow({ where: { username: 'fgj_staff' } });
  const storedName = `${randomUUID()}.pdf`;
  const dir = path.join(UPLOAD_DIR, task.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, storedName), bytes);
  const report = await db.progressReport.create({
    data: {
      taskId: task.id,
      unitId: task.leadUnitId,
      authorId: author.id,
      periodKey: shanghaiIsoDay().slice(0, 7),
      narrative: '附验收报告',
      percent: 50,
      targetActuals: [],
      attachments: [{ name: '验收报告.pdf', storedName, size: bytes.length, type: 'application/pdf' }],
    },
  });
  return { task, report, url: `/api/attachments/${report.id}/${storedName}` };
}
