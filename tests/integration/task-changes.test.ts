// Tasks after publication: edit (with reassignment), cancel, split — and a hand-created task's 交办.
import { describe, expect, test } from 'vitest';
import { createTask } from '@/lib/server/tasks/create-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { cancelTask } from '@/lib/server/tasks/cancel-task';
import { splitTask } from '@/lib/server/tasks/split-task';
import { getTask } from '@/lib/server/tasks/get-task';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { getUnitTaskStats } from '@/lib/server/ranking/get-unit-task-stats';
import { getTaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { requestExtension } from '@/lib/server/extensions/request-extension';
import { generateCommitmentDraft } from '@/lib/server/commitments/generate-commitment-draft';
import { issueCommitmentVersion } from '@/lib/server/commitments/issue-commitment-version';
import { checkCommitmentCurrency } from '@/lib/server/commitments/check-commitment-currency';
import { listCommitmentStatus } from '@/lib/server/commitments/list-commitment-status';
import { taskAbilities } from '@/lib/server/auth/abilities';
import { parseTaskListParams } from '@/lib/core/schemas/task-list';
import { sessionUser, testDb, unitId } from '../support/db';
import { auditActions, TODAY, taskVersion, workflowTask } from '../support/workflow';

/** Notifications of one kind for a task (by its link or title) received by a user. */
async function noticesOf(username: string, kind: string, titlePart: string) {
  const user = await testDb.user.findUniqueOrThrow({ where: { username } });
  return testDb.notification.findMany({ where: { userId: user.id, kind, title: { contains: titlePart } } });
}

async function listedIds(username: string, search: Record<string, string> = {}) {
  const list = await listTasks({ user: await sessionUser(username), params: parseTaskListParams({ pageSize: '100', ...search }), today: TODAY });
  return list.rows.map((row) => row.id);
}

describe('editing a published task', () => {
  test('a stale version is refused and changes nothing; a reason is required', async () => {
    const task = await workflowTask('改版本冲突任务');
    const admin = await sessionUser('admin');
    await expect(editTask({ user: admin, input: { taskId: task.id, version: 1, deadline: '2024-10-31' } })).rejects.toThrow('请填写修改理由');
    await editTask({ user: admin, input: { taskId: task.id, version: 1, deadline: '2024-10-31', reason: '市里要求提前' } });
    await expect(editTask({ user: admin, input: { taskId: task.id, version: 1, title: '旧版本上的修改', reason: '覆盖' } })).rejects.toThrow('已被他人修改');
    const stored = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored.title).toBe('改版本冲突任务');
    expect(stored.version).toBe(2);
    expect(await auditActions(task.id)).toEqual(['task.create', 'task.update']);
  });

  test('reassigning the lead unit moves visibility and notifies the old, the new and the kept units', async () => {
    const task = await workflowTask('改派牵头单位任务');
    const admin = await sessionUser('admin');
    const jyj = await unitId('jyj');
    expect(await listedIds('jyj_head')).not.toContain(task.id);

    const result = await editTask({ user: admin, input: { taskId: task.id, version: 1, leadUnitId: jyj, reason: '职责调整，改由教育局牵头' } });
    expect(result.changed).toEqual(['leadUnitId']);

    // The old lead unit no longer sees it, by list or by id; the new one does; the co-unit still does.
    await expect(getTask({ user: await sessionUser('fgj_head'), taskId: task.id })).rejects.toThrow('未找到该记录');
    expect(await listedIds('fgj_staff')).not.toContain(task.id);
    expect((await getTask({ user: await sessionUser('jyj_staff'), taskId: task.id })).leadUnitId).toBe(jyj);
    expect(await listedIds('jyj_head')).toContain(task.id);
    expect(await listedIds('czj_staff')).toContain(task.id);

    expect(await noticesOf('jyj_head', 'task.assigned', task.code)).toHaveLength(1);
    const lost = await noticesOf('fgj_head', 'task.unassigned', task.code);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.body).toContain('职责调整');
    expect(lost[0]!.link).toBeNull();
    const kept = await noticesOf('czj_head', 'task.changed', task.code);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.body).toContain('牵头单位');

    const [event] = await testDb.auditEvent.findMany({ where: { entityId: task.id, action: 'task.update' } });
    expect(event!.before).toEqual({ leadUnitId: await unitId('fgj'), version: 1 });
    expect(event!.after).toEqual({ leadUnitId: jyj, version: 2, reason: '职责调整，改由教育局牵头' });
  });

  test('targets: an edited target keeps its actual value, a removed one goes, a new one is added', async () => {
    const task = await workflowTask('改指标任务');
    const [target] = task.targets;
    await fileProgressReport({
      user: await sessionUser('fgj_head'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '完成100个', percent: 50, targetActuals: [{ targetId: target!.id, actual: 100 }] },
      today: TODAY,
    });
    const before = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    await editTask({
      user: await sessionUser('admin'),
      input: {
        taskId: task.id,
        version: before.version,
        reason: '目标调增',
        targets: [
          { id: target!.id, metric: '全年建设项目400个以上', comparator: '>=', value: 400, valueMax: null, unit: '个' },
          { metric: '完成投资10亿元', comparator: '>=', value: 10, valueMax: null, unit: '亿元' },
        ],
      },
    });
    const after = await testDb.task.findUniqueOrThrow({ where: { id: task.id }, include: { targets: { orderBy: { position: 'asc' } } } });
    expect(after.targets.map((t) => [t.metric, t.actualValue === null ? null : Number(t.actualValue)])).toEqual([
      ['全年建设项目400个以上', 100],
      ['完成投资10亿元', null],
    ]);
    expect(after.progressPercent).toBe(12.5); // (25% + 0%) / 2
  });

  test('unit users and leaders may not edit, cancel or split: the page flags and the data layer agree', async () => {
    const task = await workflowTask('无权修改的任务');
    const abilityTask = { status: task.status, leadUnitId: task.leadUnitId, coUnitIds: task.coUnits.map((c) => c.unitId) };
    expect(taskAbilities(await sessionUser('admin'), abilityTask)).toMatchObject({ edit: true, split: true, cancel: true });
    for (const username of ['fgj_head', 'fgj_staff', 'czj_head', 'leader']) {
      const user = await sessionUser(username);
      expect(taskAbilities(user, abilityTask), username).toMatchObject({ edit: false, split: false, cancel: false });
      await expect(editTask({ user, input: { taskId: task.id, version: 1, title: '越权修改', reason: '越权' } })).rejects.toThrow('无权执行修改任务');
      await expect(cancelTask({ user, input: { taskId: task.id, version: 1, reason: '越权' } })).rejects.toThrow(/无权执行/);
      await expect(
        splitTask({
          user,
          input: {
            taskId: task.id,
            version: 1,
            parts: [
              { title: '一部分', leadUnitId: await unitId('fgj'), deadline: '2024-06-30' },
              { title: '另一部分', leadUnitId: await unitId('czj'), deadline: '2024-06-30' },
            ],
          },
        }),
      ).rejects.toThrow('无权执行拆分任务');
    }
    const stored = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored).toMatchObject({ title: '无权修改的任务', status: 'ASSIGNED', version: 1 });
    expect(await auditActions(task.id)).toEqual(['task.create']);
  });
});

describe('cancelling a task', () => {
  test('leaves rankings, lights and counts, refuses further reports, keeps it in the ledger under its filter', async () => {
    const admin = await sessionUser('admin');
    const fgj = await unitId('fgj');
    const statsOf = async () => (await getUnitTaskStats({ user: admin, scope: 'county', year: 2033, asOf: TODAY })).find((u) => u.unitId === fgj)!;
    const ranked = (await statsOf()).total;
    const task = await workflowTask('将被撤销的任务', { year: 2033, startDate: '2033-01-01', deadline: '2033-12-31' });
    expect((await statsOf()).total).toBe(ranked + 1);
    const countsBefore = await getTaskLightCounts({ user: await sessionUser('fgj_head'), today: TODAY });
    await requestExtension({ user: await sessionUser('fgj_head'), input: { taskId: task.id, requestedDeadline: '2034-03-31', reason: '顺延' } });

    await expect(cancelTask({ user: admin, input: { taskId: task.id, version: 1, reason: '　' } })).rejects.toThrow('请填写撤销理由');
    await cancelTask({ user: admin, input: { taskId: task.id, version: 1, reason: '上级已取消该项工作' } });

    const stored = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(stored).toMatchObject({ status: 'CANCELLED', cancelReason: '上级已取消该项工作', version: 2 });
    expect(stored.cancelledAt).not.toBeNull();
    expect((await statsOf()).total).toBe(ranked);
    expect((await getTaskLightCounts({ user: await sessionUser('fgj_head'), today: TODAY })).total).toBe(countsBefore.total - 1);
    const extension = await testDb.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    expect(extension.decision).toBe('REJECTED');
    expect(await auditActions(extension.id)).toEqual(['extension.request', 'extension.reject']);

    // Out of the default ledger, shown under 已撤销 with no colour; still readable by its units.
    expect(await listedIds('fgj_head')).not.toContain(task.id);
    const cancelled = await listTasks({ user: admin, params: parseTaskListParams({ status: 'CANCELLED', pageSize: '100' }), today: TODAY });
    expect(cancelled.rows.find((row) => row.id === task.id)?.light).toBe('cancelled');
    expect((await getTask({ user: await sessionUser('fgj_staff'), taskId: task.id })).cancelReason).toBe('上级已取消该项工作');

    await expect(
      fileProgressReport({ user: await sessionUser('fgj_head'), input: { taskId: task.id, version: await taskVersion(task.id), narrative: '继续推进', percent: 60 }, today: TODAY }),
    ).rejects.toThrow('当前状态不能报送进度');
    await expect(cancelTask({ user: admin, input: { taskId: task.id, version: 2, reason: '再撤销' } })).rejects.toThrow('当前状态不能执行该操作');
    await expect(editTask({ user: admin, input: { taskId: task.id, version: 2, title: '撤销后修改', reason: '改' } })).rejects.toThrow('已撤销的任务不能修改');

    expect(await noticesOf('fgj_head', 'task.cancelled', task.code)).toHaveLength(1);
    expect(await noticesOf('czj_staff', 'task.cancelled', task.code)).toHaveLength(1);
    expect(await auditActions(task.id)).toEqual(['task.create', 'task.cancel']);
  });
});

describe('a letter that lists a changed task', () => {
  test('is out of date (需重新签署) for the unit and its leader once the task is cancelled', async () => {
    const YEAR = 2034; // a year no other test uses: the letter holds only this task
    const admin = await sessionUser('admin');
    const swj = await unitId('swj');
    const task = await workflowTask('承诺书所列任务', { year: YEAR, leadUnitId: swj, coUnitIds: [], startDate: `${YEAR}-01-01`, deadline: `${YEAR}-12-31` });
    const draft = await generateCommitmentDraft({ user: admin, input: { unitId: swj, year: YEAR } });
    await issueCommitmentVersion({ user: admin, input: { versionId: draft.id } });
    expect((await checkCommitmentCurrency({ user: await sessionUser('swj_head'), unitId: swj, year: YEAR })).reference?.outOfDate).toBe(false);

    await cancelTask({ user: admin, input: { taskId: task.id, version: 1, reason: '并入其他任务' } });
    expect((await checkCommitmentCurrency({ user: await sessionUser('swj_head'), unitId: swj, year: YEAR })).reference?.outOfDate).toBe(true);
    for (const username of ['swj_staff', 'leader']) {
      const outdated = await listCommitmentStatus({ user: await sessionUser(username), year: YEAR, state: 'outdated' });
      expect(outdated.rows.map((row) => row.unit.id), username).toEqual([swj]);
    }
  });
});

describe('splitting a task', () => {
  test('creates the parts with targets moved or copied, cancels the original, links both ways, audits and notifies', async () => {
    const task = await workflowTask('拆分前的任务', {
      targets: [
        { metric: '新建项目20个', comparator: '>=', value: 20, valueMax: null, unit: '个' },
        { metric: '完成投资5亿元', comparator: '>=', value: 5, valueMax: null, unit: '亿元' },
      ],
    });
    const [first, second] = task.targets.sort((a, b) => a.position - b.position);
    const admin = await sessionUser('admin');
    const jyj = await unitId('jyj');
    const result = await splitTask({
      user: admin,
      input: {
        taskId: task.id,
        version: 1,
        parts: [
          { title: '拆分一：新建项目', leadUnitId: await unitId('fgj'), deadline: '2024-06-30', targetIds: [first!.id, second!.id] },
          { title: '拆分二：投资', leadUnitId: jyj, deadline: '2024-09-30', targetIds: [second!.id] },
        ],
      },
    });
    expect(result.parts).toHaveLength(2);

    const original = await testDb.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(original.status).toBe('CANCELLED');
    expect(original.cancelReason).toBe(`拆分为 ${result.parts.map((p) => p.code).join('、')}`);
    const parts = await testDb.task.findMany({ where: { splitFromId: task.id }, include: { targets: { orderBy: { position: 'asc' } }, coUnits: true }, orderBy: { code: 'asc' } });
    expect(parts.map((p) => [p.title, p.status, p.targets.map((t) => t.metric)])).toEqual([
      ['拆分一：新建项目', 'ASSIGNED', ['新建项目20个', '完成投资5亿元']],
      ['拆分二：投资', 'ASSIGNED', ['完成投资5亿元']],
    ]);
    expect(parts[1]!.coUnits.map((c) => c.unitId)).toEqual([await unitId('czj')]);

    const page = await getTask({ user: admin, taskId: task.id });
    expect(page.splitInto.map((p) => p.id)).toEqual(parts.map((p) => p.id));
    expect((await getTask({ user: admin, taskId: parts[1]!.id })).splitFrom?.id).toBe(task.id);
    // 教育局 sees its part but not the original it came from.
    expect((await getTask({ user: await sessionUser('jyj_head'), taskId: parts[1]!.id })).splitFrom).toBeNull();

    expect(await auditActions(task.id)).toEqual(['task.create', 'task.split']);
    for (const part of parts) expect(await auditActions(part.id)).toEqual(['task.create']);
    expect(await noticesOf('jyj_head', 'task.assigned', parts[1]!.code)).toHaveLength(1);
    expect(await noticesOf('fgj_head', 'task.cancelled', task.code)).toHaveLength(1);
  });

  test('a split needs at least two parts and the original’s own targets', async () => {
    const task = await workflowTask('拆分校验任务');
    const admin = await sessionUser('admin');
    const fgj = await unitId('fgj');
    await expect(splitTask({ user: admin, input: { taskId: task.id, version: 1, parts: [{ title: '只有一项', leadUnitId: fgj, deadline: '2024-06-30' }] } })).rejects.toThrow(
      '至少拆分为两项任务',
    );
    const other = await workflowTask('别的任务');
    await expect(
      splitTask({
        user: admin,
        input: {
          taskId: task.id,
          version: 1,
          parts: [
            { title: '第一项', leadUnitId: fgj, deadline: '2024-06-30', targetIds: [other.targets[0]!.id] },
            { title: '第二项', leadUnitId: fgj, deadline: '2024-06-30' },
          ],
        },
      }),
    ).rejects.toThrow('指标不属于该任务');
    expect((await testDb.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ASSIGNED');
    expect(await testDb.task.count({ where: { splitFromId: task.id } })).toBe(0);
  });
});

describe('a hand-created task', () => {
  test('notifies its lead and co-units (交办) and keeps its description', async () => {
    const task = await createTask({
      user: await sessionUser('admin'),
      input: {
        title: '手工交办的任务',
        description: '请于每月5日前报送',
        year: 2024,
        leadUnitId: await unitId('tjj'),
        coUnitIds: [await unitId('tcj')],
        startDate: '2024-01-01',
        deadline: '2024-12-31',
      },
    });
    for (const username of ['tjj_head', 'tjj_staff', 'tcj_head']) {
      const [notice] = await noticesOf(username, 'task.assigned', task.code);
      expect(notice, username).toMatchObject({ link: `/tasks/${task.id}`, body: '请于每月5日前报送' });
    }
    expect(await noticesOf('fgj_head', 'task.assigned', task.code)).toHaveLength(0);
    expect((await getTask({ user: await sessionUser('tjj_staff'), taskId: task.id })).description).toBe('请于每月5日前报送');
  });
});
