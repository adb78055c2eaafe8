import { describe, expect, test } from 'vitest';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { auditListParamsSchema } from '@/lib/core/schemas/audit';
import { describeChange } from '@/lib/core/audit/describe-change';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';
import { workflowTask } from '../support/workflow';

const list = async (query: Record<string, string>, username = 'admin') =>
  listAuditEvents({ user: await sessionUser(username), params: auditListParamsSchema.parse(query) });

describe(`the audit record (${databaseKind} PostgreSQL)`, () => {
  test('names what each event concerns and says the change in words', async () => {
    const task = await workflowTask('审计记录可读');
    await transitionTask({ user: await sessionUser('fgj_staff'), taskId: task.id, version: 1, action: 'acknowledge' });
    const { rows, total, subjects, names } = await list({ task: task.code });
    expect(total).toBe(2);
    expect(rows.map((r) => r.action)).toEqual(['task.acknowledge', 'task.create']);
    expect(subjects.get(`Task:${task.id}`)).toEqual({ name: `${task.code} 审计记录可读`, href: `/tasks/${task.id}` });
    expect(describeChange(rows[0]!.before, rows[0]!.after, names)).toBe('状态：交办 → 已签收；版本：1 → 2');
    // The creation names the lead unit instead of its id.
    expect(describeChange(rows[1]!.before, rows[1]!.after, names)).toContain('牵头单位：县发展和改革局');
  });

  test('filters by user, unit, task and Beijing day, in the URL', async () => {
    const task = await workflowTask('审计筛选');
    const staff = await sessionUser('fgj_staff');
    await transitionTask({ user: staff, taskId: task.id, version: 1, action: 'acknowledge' });

    const byUser = await list({ user: staff.id, task: task.code });
    expect(byUser.rows.map((r) => r.action)).toEqual(['task.acknowledge']);
    const byUnit = await list({ unit: await unitId('fgj'), task: task.code });
    expect(byUnit.rows.map((r) => r.action)).toEqual(['task.acknowledge']);
    expect((await list({ unit: await unitId('czj'), task: task.code })).total).toBe(0);

    const today = shanghaiIsoDate(new Date());
    expect((await list({ task: task.code, from: today, to: today })).total).toBe(2);
    expect((await list({ task: task.code, to: '2020-01-01' })).total).toBe(0);
    expect((await list({ task: task.code, action: 'task.create' })).total).toBe(1);
    expect((await list({ task: '不存在的编号' })).total).toBe(0);
  });

  test('bad filter values fall back to no filter; pages hold 50 rows', async () => {
    const params = auditListParamsSchema.parse({ action: 'task.nope', from: '2024-13-01', user: '', page: '0' });
    expect(params).toEqual({ page: 1, action: undefined, entity: undefined, entityId: undefined, user: undefined, unit: undefined, task: undefined, from: undefined, to: undefined });
    const { rows, total } = await list({});
    expect(total).toBe(await testDb.auditEvent.count());
    expect(rows.length).toBe(Math.min(50, total));
  });

  test('only the office reads the record', async () => {
    for (const username of ['leader', 'fgj_head', 'fgj_staff']) {
      await expect(list({}, username)).rejects.toThrow();
    }
  });
});
