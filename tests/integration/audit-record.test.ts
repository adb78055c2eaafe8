import { describe, expect, test } from 'vitest';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { auditListParamsSchema } from '@/lib/core/schemas/audit';
import { describeChange } from '@/lib/core/audit/describe-change';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { recordAuditEvents } from '@/lib/server/audit/record-audit-event';
import { verifyChain } from '@/lib/core/audit/chain';
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

  test('events appended together are stored in chain order, exactly as hashed', async () => {
    const entityId = `append-order-${Math.random().toString(36).slice(2)}`;
    const admin = await sessionUser('admin');
    const after = { n: 1.5, text: '引号"与\\反斜杠', nested: { list: [1, null, '二'] }, at: new Date('2026-03-01T00:00:00Z') };
    await testDb.$transaction((tx) =>
      recordAuditEvents(tx, [
        { actorId: admin.id, action: 'task.create', entity: 'Task', entityId, after, ip: '10.0.0.1' },
        { actorId: null, action: 'task.progress', entity: 'Task', entityId, before: { status: 'ASSIGNED' }, after: null },
        { actorId: admin.id, action: 'task.cancel', entity: 'Task', entityId, before: null, after: { status: 'CANCELLED' } },
      ]),
    );
    const rows = await testDb.auditEvent.findMany({ where: { entityId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['task.create', 'task.progress', 'task.cancel']);
    expect(new Set(rows.map((r) => r.shard)).size).toBe(1);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    // A missing snapshot is SQL NULL, not JSON null; the rest round-trips as JSON (dates as ISO text).
    const nulls = await testDb.$queryRaw<{ before: boolean; after: boolean }[]>`
      SELECT "before" IS NULL AS "before", "after" IS NULL AS "after" FROM "AuditEvent" WHERE "entityId" = ${entityId} ORDER BY "seq"`;
    expect(nulls).toEqual([{ before: true, after: false }, { before: false, after: true }, { before: true, after: false }]);
    expect(rows[0]).toMatchObject({ actorId: admin.id, ip: '10.0.0.1', after: { ...after, at: '2026-03-01T00:00:00.000Z' } });
    const stored = rows.map((r) => ({ ...r, at: r.createdAt.toISOString() }));
    expect(verifyChain(stored, { anchors: new Map([[rows[0]!.shard, rows[0]!.prevHash]]) })).toEqual([]);
  });

  test('only the office reads the record', async () => {
    for (const username of ['leader', 'fgj_head', 'fgj_staff']) {
      await expect(list({}, username)).rejects.toThrow();
    }
  });
});
