// Fixtures for the task tests: a task of 发改局 (lead) with 财政局 as co-unit, overseen by 张建华.
import path from 'node:path';
import { createTask } from '@/lib/server/tasks/create-task';
import { sessionUser, testDb, unitId } from './db';

export const TODAY = new Date('2024-03-13T04:00:00Z'); // a Wednesday in March 2024, Shanghai noon

export async function workflowTask(title: string, overrides: Record<string, unknown> = {}) {
  return createTask({
    user: await sessionUser('admin'),
    input: {
      title,
      year: 2024,
      leadUnitId: await unitId('fgj'),
      coUnitIds: [await unitId('czj')],
      leaderIds: [(await sessionUser('leader')).id],
      startDate: '2024-01-01',
      deadline: '2024-12-31',
      cadence: 'MONTHLY',
      targets: [{ metric: '全年建设项目200个以上', comparator: '>=', value: 200, valueMax: null, unit: '个' }],
      ...overrides,
    },
  });
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

export const pdf = (name = '验收报告.pdf', bytes: Uint8Array = PDF_BYTES) => ({ name, type: 'application/pdf', bytes });

export function uploadDirOf(taskId: string) {
  return path.resolve(process.env.LUOSHI_UPLOAD_DIR ?? 'data/uploads', taskId);
}

export async function auditActions(entityId: string) {
  const events = await testDb.auditEvent.findMany({ where: { entityId }, orderBy: { seq: 'asc' } });
  return events.map((e) => e.action);
}

export async function taskRow(taskId: string) {
  return testDb.task.findUniqueOrThrow({ where: { id: taskId }, include: { targets: true } });
}

/** The task's current version, which every write that edits it must name. */
export async function taskVersion(taskId: string): Promise<number> {
  return (await testDb.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
}
