import { describe, expect, test } from 'vitest';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import { respondToSupervision } from '@/lib/server/supervision/respond-to-supervision';
import { listTaskSupervision } from '@/lib/server/supervision/list-task-supervision';
import { sessionUser, testDb } from '../support/db';
import { insertTaskRow } from '../support/task-rows';

const TODAY = new Date('2024-06-12T10:00:00+08:00');

/** Usernames that received a notification of `kind` linking to the task. */
async function notifiedUsernames(taskId: string, kind: string) {
  const rows = await testDb.notification.findMany({ where: { kind, link: `/tasks/${taskId}` }, include: { user: { select: { username: true } } } });
  return rows.map((row) => row.user.username).sort();
}

describe('催办 / 督办 / 批示', () => {
  test('the office urges the lead unit: its head and liaison are notified, with an audit event', async () => {
    const task = await insertTaskRow({ coUnits: ['czj'] });
    const admin = await sessionUser('admin');
    const action = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'URGE', text: '请加快推进' }, today: TODAY });
    expect(action).toMatchObject({ kind: 'URGE', recipientUnitId: task.leadUnitId, authorId: admin.id, responseDue: null });
    expect(await notifiedUsernames(task.id, 'supervision.urge')).toEqual(['fgj_head', 'fgj_staff']);
    const audit = await testDb.auditEvent.findMany({ where: { entity: 'SupervisionAction', entityId: action.id } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['supervision.urge', admin.id]]);
  });

  test("a leader's 批示 on a task in scope reaches the lead unit, the co-units and the office", async () => {
    const task = await insertTaskRow({ coUnits: ['czj'] });
    const leader = await sessionUser('leader');
    const action = await createSupervisionAction({ user: leader, input: { taskId: task.id, kind: 'INSTRUCTION', text: '务必按期完成' }, today: TODAY });
    expect(action.recipientUnitId).toBeNull();
    expect(await notifiedUsernames(task.id, 'supervision.instruction')).toEqual(['admin', 'admin2', 'czj_head', 'czj_staff', 'fgj_head', 'fgj_staff']);
    const seen = await listTaskSupervision({ user: await sessionUser('czj_staff'), taskId: task.id });
    expect(seen.instructions.map((i) => [i.text, i.authorName, i.authorTitle])).toEqual([['务必按期完成', '张建华', '常务副县长']]);
  });

  test('a leader outside the scope is refused as "not found" and nothing is stored', async () => {
    const task = await insertTaskRow({ leadUnit: 'fgj' });
    const outsider = await sessionUser('leader4'); // oversees 教育局 etc., not 发改局
    for (const kind of ['INSTRUCTION', 'URGE'] as const) {
      await expect(createSupervisionAction({ user: outsider, input: { taskId: task.id, kind, text: '越权批示' }, today: TODAY })).rejects.toThrow('未找到该记录');
    }
    await expect(listTaskSupervision({ user: outsider, taskId: task.id })).rejects.toThrow('未找到该记录');
    expect(await testDb.supervisionAction.count({ where: { taskId: task.id } })).toBe(0);
    expect(await testDb.notification.count({ where: { link: `/tasks/${task.id}` } })).toBe(0);
  });

  test('unit users cannot urge, supervise or instruct, even on their own task', async () => {
    const task = await insertTaskRow();
    const head = await sessionUser('fgj_head');
    await expect(createSupervisionAction({ user: head, input: { taskId: task.id, kind: 'URGE', text: '自己催自己' }, today: TODAY })).rejects.toThrow('无权执行催办');
    await expect(
      createSupervisionAction({ user: head, input: { taskId: task.id, kind: 'SUPERVISE', text: '自己督办', responseDue: '2024-06-20' }, today: TODAY }),
    ).rejects.toThrow('无权执行督办');
    await expect(createSupervisionAction({ user: head, input: { taskId: task.id, kind: 'INSTRUCTION', text: '自己批示' }, today: TODAY })).rejects.toThrow('无权执行批示');
    expect(await testDb.supervisionAction.count({ where: { taskId: task.id } })).toBe(0);
  });

  test('bad input is refused in Chinese and changes nothing: no response day, a past one, empty text, a closed task', async () => {
    const task = await insertTaskRow();
    const admin = await sessionUser('admin');
    const refuse = (input: Record<string, unknown>, message: string) =>
      expect(createSupervisionAction({ user: admin, input: { taskId: task.id, ...input }, today: TODAY })).rejects.toThrow(message);
    await refuse({ kind: 'SUPERVISE', text: '限期答复' }, '督办须填写答复期限');
    await refuse({ kind: 'SUPERVISE', text: '限期答复', responseDue: '2024-06-11' }, '答复期限不能早于今天');
    await refuse({ kind: 'URGE', text: ' ' }, '请填写内容');
    await refuse({ kind: 'PRAISE', text: '表扬' }, '督办类型无效');
    const closed = await insertTaskRow({ status: 'CLOSED', closedAt: new Date('2024-06-01T10:00:00+08:00') });
    await expect(createSupervisionAction({ user: admin, input: { taskId: closed.id, kind: 'URGE', text: '请加快推进' }, today: TODAY })).rejects.toThrow('任务已销号');
    expect(await testDb.supervisionAction.count({ where: { taskId: { in: [task.id, closed.id] } } })).toBe(0);
  });

  test('only the recipient unit answers a 督办, once; the author is notified', async () => {
    const task = await insertTaskRow({ coUnits: ['czj'] });
    const admin = await sessionUser('admin');
    const notice = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '请说明滞后原因', responseDue: '2024-06-14' }, today: TODAY });
    expect(notice.responseDue?.toISOString()).toBe('2024-06-14T00:00:00.000Z');

    const answer = (username: string, response = '已制定整改措施') =>
      sessionUser(username).then((user) => respondToSupervision({ user, input: { supervisionId: notice.id, response } }));
    await expect(answer('jyj_head')).rejects.toThrow('未找到该记录'); // another unit
    await expect(answer('czj_staff')).rejects.toThrow('未找到该记录'); // co-unit, not the recipient
    await expect(answer('leader')).rejects.toThrow('无权执行答复督办');
    await expect(answer('fgj_staff', '')).rejects.toThrow('请填写答复内容');
    expect((await testDb.supervisionAction.findUniqueOrThrow({ where: { id: notice.id } })).respondedAt).toBeNull();

    const fgjStaff = await sessionUser('fgj_staff');
    expect((await listTaskSupervision({ user: fgjStaff, taskId: task.id })).actions[0]!.canRespond).toBe(true);
    expect((await listTaskSupervision({ user: await sessionUser('czj_staff'), taskId: task.id })).actions[0]!.canRespond).toBe(false);
    const answered = await answer('fgj_staff');
    expect(answered).toMatchObject({ response: '已制定整改措施', responderId: fgjStaff.id });
    await expect(answer('fgj_head', '第二次答复')).rejects.toThrow('该督办已答复');
    expect((await testDb.supervisionAction.findUniqueOrThrow({ where: { id: notice.id } })).response).toBe('已制定整改措施');
    const shown = (await listTaskSupervision({ user: fgjStaff, taskId: task.id })).actions[0]!;
    expect(shown).toMatchObject({ canRespond: false, kind: 'SUPERVISE', response: '已制定整改措施', responderName: fgjStaff.name, recipientUnit: '发改局' });

    expect(await notifiedUsernames(task.id, 'supervision.responded')).toEqual(['admin']);
    const audit = await testDb.auditEvent.findMany({ where: { entity: 'SupervisionAction', entityId: notice.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['supervision.supervise', 'supervision.respond']);
  });

  test('a unit user reads the supervision of its own tasks only', async () => {
    const task = await insertTaskRow({ leadUnit: 'fgj' });
    await expect(listTaskSupervision({ user: await sessionUser('jyj_staff'), taskId: task.id })).rejects.toThrow('未找到该记录');
    const own = await listTaskSupervision({ user: await sessionUser('fgj_staff'), taskId: task.id });
    expect(own).toMatchObject({ instructions: [], actions: [], canUrge: false, canInstruct: false });
  });
});
