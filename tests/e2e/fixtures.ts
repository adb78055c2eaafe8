// Test data for the e2e journeys, in the e2e database (the server that playwright.config.ts starts
// on E2E_PG_DIR), for data the UI cannot create in a journey. Tasks are written through the data
// layer (write-fixtures.ts), with their audit rows and notices, exactly as the app writes them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '../../lib/platform/db/create-client';
import { isoDateFromDayNumber, shanghaiDayNumber } from '../../lib/core/schedule/calendar-day';

const PG_DIR = process.env.E2E_PG_DIR ?? 'data/pg-e2e';
// playwright.config.ts gives the server this upload directory.
const UPLOAD_DIR = path.resolve(`${PG_DIR}-uploads`);

let client: ReturnType<typeof createPrismaClient> | null = null;

/** The e2e database's URL, found through the port its postmaster.pid records (line 4). */
function e2eDatabaseUrl() {
  const port = Number(readFileSync(path.resolve(PG_DIR, 'postmaster.pid'), 'utf8').split('\n')[3]);
  return `postgresql://postgres:postgres@127.0.0.1:${port}/luoshi`;
}

export function e2eDb() {
  client ??= createPrismaClient(e2eDatabaseUrl(), 2);
  return client;
}

/** A string no other run or test uses, to find this test's rows (e.g. in a search box). */
export function uniqueTag(prefix: string): string {
  return `${prefix}${randomUUID().slice(0, 6)}`;
}

/** YYYY-MM-DD of the Asia/Shanghai calendar day `offsetDays` from today. */
export function shanghaiIsoDay(offsetDays = 0): string {
  return isoDateFromDayNumber(shanghaiDayNumber(new Date()) + offsetDays);
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
  /** Where the lead unit has taken it: 交办 (the default, as a new task starts), 已签收 or 办理中. */
  status?: 'ASSIGNED' | 'ACKNOWLEDGED' | 'IN_PROGRESS';
  /** A progress report the lead unit files today (which also starts the work), with an optional PDF. */
  report?: { percent: number; narrative: string; attachment?: { name: string; base64: string } };
};

type Written = { task: { id: string; code: string; title: string; leadUnitId: string; targets: { id: string; metric: string }[] }; report: { id: string; attachments: { storedName: string }[] } | null };

/** write-fixtures.ts on the e2e database, started once per worker and kept: one line of fixtures in, one line of tasks out. */
let writer: { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } | null = null;
let writing: Promise<unknown> = Promise.resolve();

function startWriter() {
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', path.resolve('tests/e2e/write-fixtures.ts')], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LUOSHI_UPLOAD_DIR: UPLOAD_DIR },
  });
  child.stderr.pipe(process.stderr);
  // The worker may exit without waiting for it: its stdin closes and it ends.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

/** Writes the fixtures through the data layer; one at a time (the writer answers in order). */
function writeFixtures(fixtures: TaskFixture[]): Promise<Written[]> {
  const result = writing.then(async () => {
    writer ??= startWriter();
    const { child, lines } = writer;
    child.stdin.write(`${JSON.stringify(fixtures)}\n`);
    const line = await lines.next();
    if (line.done) {
      writer = null;
      throw new Error(`write-fixtures.ts exited with ${child.exitCode}`);
    }
    return JSON.parse(line.value) as Written[];
  });
  writing = result.catch(() => undefined);
  return result;
}

/** Creates tasks as the office (admin) assigns them, through the data layer; returns them with their targets. */
export async function createTaskFixtures(fixtures: TaskFixture[]) {
  return (await writeFixtures(fixtures)).map((written) => written.task);
}

/** The workflow journeys' task: 发改局 leads, 财政局 co-operates, one target, assigned 10 days ago, due in 60. */
function journeyTask(title: string): TaskFixture {
  return {
    title,
    leadUnit: 'fgj',
    coUnits: ['czj'],
    leaders: ['leader'],
    startDate: shanghaiIsoDay(-10),
    deadline: shanghaiIsoDay(60),
    deadlineText: '年底前',
    sourceText: `${title}，全年建设项目200个以上。`,
    targets: ['全年建设项目200个以上'],
  };
}

export async function createJourneyTask(title: string) {
  const [task] = await createTaskFixtures([journeyTask(title)]);
  return task!;
}

/** A journey task with one progress report (filed by the lead unit) carrying a PDF, for access checks. */
export async function createTaskWithAttachment(title: string, bytes: Uint8Array) {
  const [{ task, report }] = (await writeFixtures([
    {
      ...journeyTask(title),
      report: { percent: 50, narrative: '附验收报告', attachment: { name: '验收报告.pdf', base64: Buffer.from(bytes).toString('base64') } },
    },
  ])) as [Written];
  return { task, report: report!, url: `/api/attachments/${report!.id}/${report!.attachments[0]!.storedName}` };
}
