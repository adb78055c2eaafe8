import { describe, expect, test } from 'vitest';
import { createTask } from '@/lib/server/tasks/create-task';
import { getTask } from '@/lib/server/tasks/get-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';
import { workflowTask } from '../support/workflow';
import { assignableChoices, listTaskChoices } from '@/lib/server/tasks/list-task-choices';

describe(`tasks through the data layer (${databaseKind} PostgreSQL)`, () => {
  test('the office creates a task with a target, and an audit event is chained', async () => {
    const task = await workflowTask('全年建设项目200个以上');
    expect(task.code).toMatch(/^2024-\d{4}$/);
    expect(task.targets).toHaveLength(1);
    expect(task.targets[0]!.comparator).toBe('GTE');
    expect(Number(task.targets[0]!.value)).toBe(200);
    const events = await testDb.auditEvent.findMany({ where: { entity: 'Task', entityId: task.id } });
    expect(events.map((e) => e.action)).toEqual(['task.create']);
    // Linked to the previous event of its shard (concurrent writes elsewhere may use other shards).
    const previous = await testDb.auditEvent.findFirst({ where: { shard: events[0]!.shard, seq: { lt: events[0]!.seq } }, orderBy: { seq: 'desc' } });
    expect(events[0]!.prevHash).toBe(previous?.hash ?? null);
  });

  test('lead unit, co-unit and overseeing leader can read it; another unit cannot', async () => {
    const task = await workflowTask('重点项目开工率90%以上');
    for (const username of ['admin', 'leader', 'fgj_head', 'czj_staff']) {
      const read = await getTask({ user: await sessionUser(username), taskId: task.id });
      expect(read.id).toBe(task.id);
      // Its units, leaders and targets by name, as the task page shows them.
      const leader = await sessionUser('leader');
      expect(read).toMatchObject({
        plan: null,
        planItem: null,
        leadUnit: { id: task.leadUnitId, shortName: '发改局' },
        coUnits: [{ taskId: task.id, unitId: await unitId('czj'), unit: { id: await unitId('czj') } }],
        leaders: [{ taskId: task.id, leaderId: leader.id, leader: { id: leader.id, name: leader.name } }],
        splitFrom: null,
        splitInto: [],
      });
      expect(read.targets.map((t) => t.metric)).toEqual(['全年建设项目200个以上']);
    }
    await expect(getTask({ user: await sessionUser('jyj_head'), taskId: task.id })).rejects.toThrow('未找到该记录');
    await expect(getTask({ user: await sessionUser('leader4'), taskId: task.id })).rejects.toThrow('未找到该记录');
  });

  test('update with the current version succeeds; a stale version is refused and changes nothing', async () => {
    const task = await workflowTask('招商引资到位资金50亿元');
    const admin = await sessionUser('admin');
    const updated = await editTask({ user: admin, input: { taskId: task.id, version: 1, title: '招商引资到位资金55亿元', reason: '按会议纪要修正' } });
    expect(updated.version).toBe(2);
    expect(updated.changed).toEqual(['title']);
    await expect(editTask({ user: admin, input: { taskId: task.id, version: 1, title: '覆盖', reason: '覆盖' } })).rejects.toThrow('已被他人修改');
    const stored = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.title).toBe('招商引资到位资金55亿元');
    expect(stored.version).toBe(2);
  });

  test('a deactivated unit gets no new task, yet its tasks stay editable and it stays in the filters', async () => {
    const admin = await sessionUser('admin');
    const swj = await unitId('swj');
    const task = await workflowTask('停用单位的任务', { leadUnitId: swj });
    await testDb.unit.update({ where: { id: swj }, data: { active: false } });
    try {
      await expect(workflowTask('交给停用单位', { leadUnitId: swj })).rejects.toThrow('所选单位已停用');
      await expect(workflowTask('停用单位配合', { coUnitIds: [swj] })).rejects.toThrow('所选单位已停用');
      const other = await workflowTask('改派到停用单位');
      await expect(editTask({ user: admin, input: { taskId: other.id, version: 1, leadUnitId: swj, reason: '改派' } })).rejects.toThrow('所选单位已停用');
      // Its own task keeps it: a title change goes through.
      await expect(editTask({ user: admin, input: { taskId: task.id, version: 1, title: '停用单位的任务（修正）', reason: '修正' } })).resolves.toMatchObject({ version: 2 });

      const choices = await listTaskChoices({ user: admin });
      expect(choices.units.map((u) => u.id)).toContain(swj);
      expect(assignableChoices(choices).units.map((u) => u.id)).not.toContain(swj);
      expect(assignableChoices(choices, [swj]).units.map((u) => u.id)).toContain(swj);
    } finally {
      await testDb.unit.update({ where: { id: swj }, data: { active: true } });
    }
  });

  test('unit users cannot create or edit tasks, and bad input changes nothing', async () => {
    const before = await testDb.task.count();
    await expect(createTask({ user: await sessionUser('fgj_head'), input: {} })).rejects.toThrow('无权执行新建任务');
    await expect(createTask({ user: await sessionUser('admin'), input: { title: 'x' } })).rejects.toThrow();
    await expect(
      createTask({
        user: await sessionUser('admin'),
        input: { title: '倒挂的时限', year: 2024, leadUnitId: await unitId('fgj'), startDate: '2024-05-01', deadline: '2024-01-01' },
      }),
    ).rejects.toThrow('完成时限不能早于开始日期');
    expect(await testDb.task.count()).toBe(before);
  });
});
