import { describe, expect, test } from 'vitest';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';
import { databaseKind, sessionUser, testDb } from '../support/db';
import { TODAY, auditActions, pdf, taskRow, taskVersion, workflowTask } from '../support/workflow';

const as = sessionUser;

async function lastTaskEvent(taskId: string) {
  return testDb.auditEvent.findFirstOrThrow({ where: { entity: 'Task', entityId: taskId }, orderBy: { seq: 'desc' } });
}

async function notificationsOf(username: string, kind: string, taskId: string) {
  const user = await as(username);
  return testDb.notification.findMany({ where: { userId: user.id, kind, link: `/tasks/${taskId}` } });
}

/** A task the lead unit has acknowledged, started and asked to close (with one PDF as evidence). */
async function taskAwaitingClosure(title: string) {
  const task = await workflowTask(title);
  const staff = await as('fgj_staff');
  await transitionTask({ user: staff, taskId: task.id, version: 1, action: 'acknowledge' });
  await transitionTask({ user: staff, taskId: task.id, version: 2, action: 'start' });
  const report = await fileProgressReport({
    user: staff,
    input: { taskId: task.id, version: 3, narrative: '项目已全部开工，验收报告附后。', percent: 100, closureRequest: true },
    files: [pdf()],
    today: TODAY,
  });
  return { task, report };
}

describe(`task workflow transitions (${databaseKind} PostgreSQL)`, () => {
  test('the lead unit acknowledges (签收) and starts (开始办理); each step is audited with before/after status', async () => {
    const task = await workflowTask('签收与开始办理');
    const staff = await as('fgj_staff');

    const acknowledged = await transitionTask({ user: staff, taskId: task.id, version: 1, action: 'acknowledge', ip: '10.0.0.8' });
    expect(acknowledged).toEqual({ status: 'ACKNOWLEDGED', version: 2 });
    let event = await lastTaskEvent(task.id);
    expect(event).toMatchObject({
      action: 'task.acknowledge',
      actorId: staff.id,
      ip: '10.0.0.8',
      before: { status: 'ASSIGNED', version: 1 },
      after: { status: 'ACKNOWLEDGED', version: 2 },
    });

    const head = await as('fgj_head');
    expect(await transitionTask({ user: head, taskId: task.id, version: '2', action: 'start' })).toEqual({ status: 'IN_PROGRESS', version: 3 });
    event = await lastTaskEvent(task.id);
    expect(event).toMatchObject({ action: 'task.start', actorId: head.id, before: { status: 'ACKNOWLEDGED' }, after: { status: 'IN_PROGRESS' } });
    expect(await auditActions(task.id)).toEqual(['task.create', 'task.acknowledge', 'task.start']);
    expect((await taskRow(task.id)).status).toBe('IN_PROGRESS');
  });

  test('only the lead unit may acknowledge: co-unit, office and leader are refused, another unit cannot see the task', async () => {
    const task = await workflowTask('签收权限');
    const attempt = async (username: string) => transitionTask({ user: await as(username), taskId: task.id, version: 1, action: 'acknowledge' });
    await expect(attempt('czj_staff')).rejects.toThrow('无权执行该操作');
    await expect(attempt('admin')).rejects.toThrow('无权执行该操作');
    await expect(attempt('leader')).rejects.toThrow('无权执行该操作');
    await expect(attempt('jyj_staff')).rejects.toThrow('未找到该记录，或您无权访问');
    await expect(attempt('leader4')).rejects.toThrow('未找到该记录，或您无权访问');
    const stored = await taskRow(task.id);
    expect(stored).toMatchObject({ status: 'ASSIGNED', version: 1 });
    expect(await auditActions(task.id)).toEqual(['task.create']);
  });

  test('a step the state does not allow is refused, and unknown actions are invalid input', async () => {
    const task = await workflowTask('状态不允许');
    const staff = await as('fgj_staff');
    await expect(transitionTask({ user: staff, taskId: task.id, version: 1, action: 'start' })).rejects.toThrow('当前状态不能执行该操作');
    await expect(transitionTask({ user: await as('admin'), taskId: task.id, version: 1, action: 'approveClosure' })).rejects.toThrow(
      '当前状态不能执行该操作',
    );
    await expect(transitionTask({ user: staff, taskId: task.id, version: 1, action: 'requestClosure' })).rejects.toThrow('操作无效');
    await expect(transitionTask({ user: staff, taskId: task.id, version: 1, action: 'delete' })).rejects.toThrow('操作无效');
    expect(await auditActions(task.id)).toEqual(['task.create']);
  });

  test('a stale version gets 已被他人修改 and changes nothing; of two concurrent clicks exactly one wins', async () => {
    const task = await workflowTask('并发签收');
    const staff = await as('fgj_staff');
    const head = await as('fgj_head');
    const results = await Promise.allSettled([
      transitionTask({ user: staff, taskId: task.id, version: 1, action: 'acknowledge' }),
      transitionTask({ user: head, taskId: task.id, version: 1, action: 'acknowledge' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(String(rejected?.reason)).toContain('已被他人修改，请刷新后重试');

    await expect(transitionTask({ user: staff, taskId: task.id, version: 1, action: 'start' })).rejects.toThrow('已被他人修改');
    expect(await taskRow(task.id)).toMatchObject({ status: 'ACKNOWLEDGED', version: 2 });
    expect(await auditActions(task.id)).toEqual(['task.create', 'task.acknowledge']);
  });

  test('申请销号 → 退回 needs a reason, returns the task to 办理中, settles the closure report and tells the lead unit', async () => {
    const { task, report } = await taskAwaitingClosure('退回销号申请');
    expect(await taskRow(task.id)).toMatchObject({ status: 'CLOSURE_REQUESTED', version: 4 });
    const requested = await lastTaskEvent(task.id);
    expect(requested).toMatchObject({ action: 'task.requestClosure', before: { status: 'IN_PROGRESS' }, after: { status: 'CLOSURE_REQUESTED', reportId: report.id } });
    expect(await notificationsOf('admin', 'task.closureRequested', task.id)).toHaveLength(1);

    const admin = await as('admin');
    for (const reason of [undefined, '', ' \u3000 ']) {
      await expect(transitionTask({ user: admin, taskId: task.id, version: 4, action: 'returnToProgress', reason })).rejects.toThrow('请填写退回理由');
    }
    expect((await taskRow(task.id)).status).toBe('CLOSURE_REQUESTED');

    await transitionTask({ user: admin, taskId: task.id, version: 4, action: 'returnToProgress', reason: '缺少竣工验收备案表' });
    expect(await taskRow(task.id)).toMatchObject({ status: 'IN_PROGRESS', version: 5, closedAt: null });
    expect(await lastTaskEvent(task.id)).toMatchObject({
      action: 'task.returnToProgress',
      actorId: admin.id,
      before: { status: 'CLOSURE_REQUESTED', version: 4 },
      after: { status: 'IN_PROGRESS', version: 5, reason: '缺少竣工验收备案表' },
    });
    expect(await testDb.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      reviewState: 'RETURNED',
      reviewReason: '缺少竣工验收备案表',
      reviewedById: admin.id,
    });
    expect(await auditActions(report.id)).toEqual(['report.file', 'report.return']);
    const returned = await notificationsOf('fgj_staff', 'task.returned', task.id);
    expect(returned).toHaveLength(1);
    expect(returned[0]!.body).toBe('缺少竣工验收备案表');
  });

  test('同意销号 from the closure report closes the task by the same path; 重新办理 needs a reason', async () => {
    const { task, report } = await taskAwaitingClosure('同意销号');
    const admin = await as('admin');
    await expect(reviewProgressReport({ user: await as('fgj_head'), input: { reportId: report.id, decision: 'accept', version: 4 } })).rejects.toThrow(
      '无权执行审核报告',
    );
    await expect(transitionTask({ user: await as('fgj_head'), taskId: task.id, version: 4, action: 'approveClosure' })).rejects.toThrow(
      '无权执行该操作',
    );

    await expect(reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept' } })).rejects.toThrow('缺少版本号');
    await expect(reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: 3 } })).rejects.toThrow('已被他人修改');
    expect((await taskRow(task.id)).status).toBe('CLOSURE_REQUESTED');
    await reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: 4 } });
    const closed = await taskRow(task.id);
    expect(closed).toMatchObject({ status: 'CLOSED', version: 5 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await lastTaskEvent(task.id)).toMatchObject({ action: 'task.approveClosure', before: { status: 'CLOSURE_REQUESTED' }, after: { status: 'CLOSED' } });
    expect(await testDb.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ reviewState: 'ACCEPTED', reviewedById: admin.id });
    expect(await auditActions(report.id)).toEqual(['report.file', 'report.accept']);
    expect(await notificationsOf('fgj_head', 'task.closed', task.id)).toHaveLength(1);
    await expect(reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: 5 } })).rejects.toThrow('该报告已审核');

    await expect(transitionTask({ user: admin, taskId: task.id, version: 5, action: 'reopen', reason: '  ' })).rejects.toThrow('请填写重新办理理由');
    await expect(transitionTask({ user: await as('fgj_head'), taskId: task.id, version: 5, action: 'reopen', reason: '问题反弹' })).rejects.toThrow(
      '无权执行该操作',
    );
    await transitionTask({ user: admin, taskId: task.id, version: 5, action: 'reopen', reason: '群众反映问题反弹' });
    expect(await taskRow(task.id)).toMatchObject({ status: 'IN_PROGRESS', version: 6, closedAt: null });
    expect(await lastTaskEvent(task.id)).toMatchObject({ action: 'task.reopen', after: { status: 'IN_PROGRESS', reason: '群众反映问题反弹' } });
    expect(await auditActions(task.id)).toEqual([
      'task.create',
      'task.acknowledge',
      'task.start',
      'task.requestClosure',
      'task.approveClosure',
      'task.reopen',
    ]);
  });

  test('returning the closure report from the report review returns the task too', async () => {
    const { task, report } = await taskAwaitingClosure('从报告退回');
    const admin = await as('admin');
    await expect(reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'return', version: 4 } })).rejects.toThrow('请填写退回理由');
    await expect(reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'return', reason: '照片不清晰', version: 3 } })).rejects.toThrow(
      '已被他人修改',
    );
    await reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'return', reason: '照片不清晰', version: 4 } });
    expect((await taskRow(task.id)).status).toBe('IN_PROGRESS');
    expect(await lastTaskEvent(task.id)).toMatchObject({ action: 'task.returnToProgress', after: { reason: '照片不清晰' } });
    expect(await testDb.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ reviewState: 'RETURNED', reviewReason: '照片不清晰' });
  });

  test('a co-unit may not ask to close, and a closure request without an attachment is refused; nothing is written', async () => {
    const task = await workflowTask('销号权限与佐证');
    const before = await testDb.progressReport.count({ where: { taskId: task.id } });
    const input = { taskId: task.id, version: await taskVersion(task.id), narrative: '已全部完成，申请销号。', percent: 100, closureRequest: true };
    await expect(fileProgressReport({ user: await as('czj_staff'), input, files: [pdf()], today: TODAY })).rejects.toThrow('只有牵头单位可以申请销号');
    await expect(fileProgressReport({ user: await as('fgj_staff'), input, files: [], today: TODAY })).rejects.toThrow('申请销号须提供佐证材料');
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(before);
    expect(await taskRow(task.id)).toMatchObject({ status: 'ASSIGNED', version: 1 });
    expect(await auditActions(task.id)).toEqual(['task.create']);
  });

  test('a report can take a task straight from 交办 to 申请销号 (reporting starts the work)', async () => {
    const task = await workflowTask('直接申请销号');
    await fileProgressReport({
      user: await as('fgj_head'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '已完成全部工作。', percent: 100, closureRequest: true },
      files: [pdf('完工照片.pdf')],
      today: TODAY,
    });
    expect((await taskRow(task.id)).status).toBe('CLOSURE_REQUESTED');
    expect(await lastTaskEvent(task.id)).toMatchObject({ action: 'task.requestClosure', before: { status: 'ASSIGNED' }, after: { status: 'CLOSURE_REQUESTED' } });
    // Once closure is requested, no further reports until the office decides.
    await expect(
      fileProgressReport({ user: await as('czj_staff'), input: { taskId: task.id, version: await taskVersion(task.id), narrative: '补充', percent: 100 }, today: TODAY }),
    ).rejects.toThrow('当前状态不能报送进度');
  });
});
