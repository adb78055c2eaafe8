import { describe, expect, test } from 'vitest';
import { requestExtension } from '@/lib/server/extensions/request-extension';
import { decideExtension } from '@/lib/server/extensions/decide-extension';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { editTask } from '@/lib/server/tasks/edit-task';
import { dueReminders } from '@/lib/core/schedule/reminders';
import { databaseKind, sessionUser, testDb } from '../support/db';
import { auditActions, taskRow, workflowTask } from '../support/workflow';

const as = sessionUser;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`extension requests (${databaseKind} PostgreSQL)`, () => {
  test('the lead unit requests; the office approves: the deadline moves, the old one is kept, reminders re-arm', async () => {
    const task = await workflowTask('延期批准', { deadlineText: '年底前' });
    const head = await as('fgj_head');
    const request = await requestExtension({ user: head, input: { taskId: task.id, requestedDeadline: '2025-03-31', reason: '受汛期影响工期顺延' }, ip: '10.2.2.2' });
    expect(request).toMatchObject({ decision: 'PENDING', previousDeadline: day('2024-12-31'), requestedDeadline: day('2025-03-31'), requesterId: head.id });
    expect(await auditActions(request.id)).toEqual(['extension.request']);
    const admin = await as('admin');
    expect(await testDb.notification.count({ where: { userId: admin.id, kind: 'extension.requested', link: `/tasks/${task.id}` } })).toBe(1);

    const oldReminder = dueReminders({ taskId: task.id, deadline: day('2024-12-31'), status: 'ASSIGNED', today: day('2024-12-24') });
    // Approving edits the task: its version is required, and a stale one changes nothing.
    await expect(decideExtension({ user: admin, input: { extensionId: request.id, decision: 'approve' } })).rejects.toThrow('缺少版本号');
    await expect(decideExtension({ user: admin, input: { extensionId: request.id, decision: 'approve', version: 2 } })).rejects.toThrow('已被他人修改');
    expect((await testDb.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).decision).toBe('PENDING');
    await decideExtension({ user: admin, input: { extensionId: request.id, decision: 'approve', version: 1 }, ip: '10.3.3.3' });

    const stored = await taskRow(task.id);
    expect(stored).toMatchObject({ deadline: day('2025-03-31'), deadlineText: null, deadlineInferred: false, version: 2 });
    expect(await testDb.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      decision: 'APPROVED',
      previousDeadline: day('2024-12-31'),
      deciderId: admin.id,
    });
    expect(await auditActions(request.id)).toEqual(['extension.request', 'extension.approve']);
    const extended = await testDb.auditEvent.findFirstOrThrow({ where: { entityId: task.id, action: 'task.deadline.extend' } });
    expect(extended).toMatchObject({
      actorId: admin.id,
      ip: '10.3.3.3',
      before: { deadline: '2024-12-31T00:00:00.000Z', deadlineText: '年底前', version: 1 },
      after: { deadline: '2025-03-31T00:00:00.000Z', version: 2, extensionId: request.id },
    });
    const staff = await as('fgj_staff');
    const approved = await testDb.notification.findFirstOrThrow({ where: { userId: staff.id, kind: 'extension.approved', link: `/tasks/${task.id}` } });
    expect(approved.body).toBe('完成时限由 2024-12-31 调整为 2025-03-31');
    // Reminder keys embed the deadline, so the new deadline's reminders are new keys.
    const newReminder = dueReminders({ taskId: task.id, deadline: stored.deadline, status: 'ASSIGNED', today: day('2025-03-24') });
    expect(newReminder[0]!.key).not.toBe(oldReminder[0]!.key);

    await expect(decideExtension({ user: admin, input: { extensionId: request.id, decision: 'reject', reason: '再驳', version: 2 } })).rejects.toThrow('该延期申请已审批');
  });

  test('the office rejects with a reason; the deadline stays', async () => {
    const task = await workflowTask('延期驳回');
    const request = await requestExtension({ user: await as('fgj_staff'), input: { taskId: task.id, requestedDeadline: '2025-06-30', reason: '资金未到位' } });
    const admin = await as('admin');
    await expect(decideExtension({ user: admin, input: { extensionId: request.id, decision: 'reject', version: 1 } })).rejects.toThrow('请填写驳回理由');
    await decideExtension({ user: admin, input: { extensionId: request.id, decision: 'reject', reason: '理由不充分，请按期完成', version: 1 } });
    expect(await taskRow(task.id)).toMatchObject({ deadline: day('2024-12-31'), version: 1 });
    expect(await testDb.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      decision: 'REJECTED',
      decisionReason: '理由不充分，请按期完成',
    });
    expect(await auditActions(request.id)).toEqual(['extension.request', 'extension.reject']);
    expect(await auditActions(task.id)).toEqual(['task.create']);
    const staff = await as('fgj_staff');
    expect(await testDb.notification.count({ where: { userId: staff.id, kind: 'extension.rejected', link: `/tasks/${task.id}` } })).toBe(1);
    // Once decided, a new request may be made.
    await requestExtension({ user: await as('fgj_staff'), input: { taskId: task.id, requestedDeadline: '2025-01-31', reason: '补充说明后再次申请' } });
  });

  test('requests are refused: co-unit, another unit, office, second pending, not later, no reason, closed task', async () => {
    const task = await workflowTask('延期校验');
    const input = { taskId: task.id, requestedDeadline: '2025-03-31', reason: '工期顺延' };
    await expect(requestExtension({ user: await as('czj_staff'), input })).rejects.toThrow('只有牵头单位可以申请延期');
    await expect(requestExtension({ user: await as('jyj_head'), input })).rejects.toThrow('未找到该记录');
    await expect(requestExtension({ user: await as('admin'), input })).rejects.toThrow('无权执行申请延期');
    await expect(requestExtension({ user: await as('fgj_staff'), input: { ...input, requestedDeadline: '2024-12-31' } })).rejects.toThrow(
      '新的完成时限应晚于现行时限 2024-12-31',
    );
    await expect(requestExtension({ user: await as('fgj_staff'), input: { ...input, reason: ' ' } })).rejects.toThrow('请填写延期理由');
    await expect(requestExtension({ user: await as('fgj_staff'), input: { ...input, requestedDeadline: '2025-02-30' } })).rejects.toThrow('日期无效');
    expect(await testDb.extensionRequest.count({ where: { taskId: task.id } })).toBe(0);

    const results = await Promise.allSettled([
      requestExtension({ user: await as('fgj_staff'), input }),
      requestExtension({ user: await as('fgj_head'), input: { ...input, requestedDeadline: '2025-04-30' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toContain('已有待审批的延期申请');
    expect(await testDb.extensionRequest.count({ where: { taskId: task.id, decision: 'PENDING' } })).toBe(1);

    const closedTask = await workflowTask('已销号不能延期');
    await testDb.task.update({ where: { id: closedTask.id }, data: { status: 'CLOSED' } });
    await expect(requestExtension({ user: await as('fgj_staff'), input: { ...input, taskId: closedTask.id } })).rejects.toThrow('已销号或已撤销的任务不能申请延期');
  });

  test('only the office decides, and approval never shortens a deadline the office has since moved', async () => {
    const task = await workflowTask('延期审批权限');
    const request = await requestExtension({ user: await as('fgj_staff'), input: { taskId: task.id, requestedDeadline: '2025-01-31', reason: '顺延一个月' } });
    for (const username of ['fgj_head', 'leader', 'czj_head']) {
      await expect(decideExtension({ user: await as(username), input: { extensionId: request.id, decision: 'approve', version: 1 } })).rejects.toThrow('无权执行审批延期');
    }
    const admin = await as('admin');
    await editTask({ user: admin, input: { taskId: task.id, version: 1, deadline: '2025-02-28', reason: '调整时限' } });
    await expect(decideExtension({ user: admin, input: { extensionId: request.id, decision: 'approve', version: 2 } })).rejects.toThrow('申请的时限不晚于现行完成时限 2025-02-28');
    expect((await taskRow(task.id)).deadline).toEqual(day('2025-02-28'));
    expect((await testDb.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).decision).toBe('PENDING');
  });

  test('an extension does not change the workflow status', async () => {
    const task = await workflowTask('延期不改状态');
    await transitionTask({ user: await as('fgj_staff'), taskId: task.id, version: 1, action: 'acknowledge' });
    const request = await requestExtension({ user: await as('fgj_staff'), input: { taskId: task.id, requestedDeadline: '2025-01-15', reason: '顺延' } });
    await decideExtension({ user: await as('admin2'), input: { extensionId: request.id, decision: 'approve', version: 2 } });
    expect(await taskRow(task.id)).toMatchObject({ status: 'ACKNOWLEDGED', deadline: day('2025-01-15'), version: 3 });
  });
});
