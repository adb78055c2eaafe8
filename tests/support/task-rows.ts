// Inserts Task rows directly (status, progress, dates exactly as a test needs them), bypassing the
// workflow; for tests of what is computed from tasks (lights, dashboards, reminders, bulletins).
import type { Prisma } from '@/lib/generated/prisma/client';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';
import { testDb, unitId } from './db';

let counter = 0;

export type TaskRowInput = Partial<Omit<Prisma.TaskUncheckedCreateInput, 'code'>> & {
  leadUnit?: string; // unit code, default fgj
  coUnits?: string[]; // unit codes
  leaders?: string[]; // leader usernames
};

export async function insertTaskRow({ leadUnit = 'fgj', coUnits = [], leaders = [], ...data }: TaskRowInput = {}) {
  counter += 1;
  const code = `T${process.pid}-${Date.now().toString(36)}-${counter}`;
  const leaderIds = await Promise.all(leaders.map(async (username) => (await testDb.user.findUniqueOrThrow({ where: { username } })).id));
  const task = await testDb.task.create({
    data: {
      code,
      year: 2024,
      title: `测试任务${code}`,
      leadUnitId: await unitId(leadUnit),
      startDate: new Date('2024-01-01'),
      deadline: new Date('2024-12-31'),
      cadence: 'MILESTONE',
      ...data,
      coUnits: { create: await Promise.all(coUnits.map(async (code) => ({ unitId: await unitId(code) }))) },
      leaders: { create: leaderIds.map((leaderId) => ({ leaderId })) },
    },
  });
  // Like every write path, keep the stored light (refresh-task-lights.ts) that readers use today.
  await refreshTaskLightsOf(testDb, [task.id]);
  return task;
}
