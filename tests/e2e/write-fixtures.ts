// Creates the e2e journeys' tasks through the data layer, as the app does: createTask as the office
// (with its audit row and 交办 notices), then the lead unit's own steps (签收, 开始办理, a progress
// report with its attachment). Run by fixtures.ts as `tsx --conditions=react-server` (the data layer
// is server-only) with DATABASE_URL and LUOSHI_UPLOAD_DIR of the e2e server; reads lines of fixtures as
// JSON on stdin and prints a line of the created tasks as JSON for each, until stdin closes.
import { createInterface } from 'node:readline';
import { db } from '@/lib/server/db';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { createTask } from '@/lib/server/tasks/create-task';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import type { TaskFixture } from './fixtures';

async function sessionUserOf(where: { username: string } | { unitId: string; role: 'UNIT_HEAD' }): Promise<SessionUser> {
  const user = await db.user.findFirstOrThrow({ where, orderBy: { username: 'asc' } });
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}

const unitIdOf = async (code: string) => (await db.unit.findUniqueOrThrow({ where: { code } })).id;

/** The target a phrase states: its first number as the ≥ value, none makes it 待定. */
function targetOf(metric: string) {
  const value = metric.match(/\d+(?:\.\d+)?/)?.[0];
  return { metric, comparator: '>=', value: value ?? null, valueMax: null, unit: '', placeholder: value === undefined };
}

async function write(fixture: TaskFixture) {
  const admin = await sessionUserOf({ username: 'admin' });
  const leaders = await db.user.findMany({ where: { username: { in: fixture.leaders ?? [] } }, select: { id: true } });
  const task = await createTask({
    user: admin,
    input: {
      title: fixture.title,
      year: Number(fixture.startDate.slice(0, 4)),
      sourceText: fixture.sourceText,
      leadUnitId: await unitIdOf(fixture.leadUnit),
      coUnitIds: await Promise.all((fixture.coUnits ?? []).map(unitIdOf)),
      leaderIds: leaders.map((l) => l.id),
      startDate: fixture.startDate,
      deadline: fixture.deadline,
      deadlineText: fixture.deadlineText,
      cadence: fixture.cadence ?? 'MONTHLY',
      targets: (fixture.targets ?? []).map(targetOf),
    },
  });
  const head = await sessionUserOf({ unitId: task.leadUnitId, role: 'UNIT_HEAD' });
  let version = task.version;
  const steps = fixture.status === 'ACKNOWLEDGED' ? (['acknowledge'] as const) : fixture.status === 'IN_PROGRESS' ? (['acknowledge', 'start'] as const) : [];
  for (const action of steps) version = (await transitionTask({ user: head, taskId: task.id, version, action })).version;
  let report: { id: string; attachments: unknown } | null = null;
  if (fixture.report) {
    const { percent, narrative, attachment } = fixture.report;
    const files = attachment ? [{ name: attachment.name, type: 'application/pdf', bytes: new Uint8Array(Buffer.from(attachment.base64, 'base64')) }] : [];
    report = await fileProgressReport({ user: head, input: { taskId: task.id, version, narrative, percent }, files });
  }
  return { task: await db.task.findUniqueOrThrow({ where: { id: task.id }, include: { targets: true } }), report };
}

// One JSON array of fixtures a line; one JSON array of written tasks a line back. Runs until stdin closes.
for await (const line of createInterface({ input: process.stdin })) {
  const written = [];
  for (const fixture of JSON.parse(line) as TaskFixture[]) written.push(await write(fixture));
  process.stdout.write(`${JSON.stringify(written)}\n`);
}
await db.$disconnect();
