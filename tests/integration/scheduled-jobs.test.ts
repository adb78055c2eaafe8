import { describe, expect, test } from 'vitest';
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import { respondToSupervision } from '@/lib/server/supervision/respond-to-supervision';
import { sessionUser, testDb } from '../support/db';
import { insertTaskRow } from '../support/task-rows';

const at = (isoDate: string) => new Date(`${isoDate}T09:00:00+08:00`);

async function remindersOf(taskId: string) {
  const rows = await testDb.notification.findMany({ where: { link: `/tasks/${taskId}`, kind: { startsWith: 'deadline.' } }, include: { user: { select: { username: true } } } });
  return rows.map((n) => `${n.user.username} ${n.kind} ${n.dedupeKey}`).sort();
}

describe('scheduled jobs', () => {
  test('deadline reminders fire 7 days and 1 day before and the day after, to the lead unit, once', async () => {
    const today = at('2025-03-10');
    const in7 = await insertTaskRow({ leadUnit: 'gxj', deadline: new Date('2025-03-17'), coUnits: ['czj'] });
    const in1 = await insertTaskRow({ leadUnit: 'gxj', deadline: new Date('2025-03-11') });
    const overdue = await insertTaskRow({ leadUnit: 'gxj', deadline: new Date('2025-03-09') });
    const closedOverdue = await insertTaskRow({ leadUnit: 'gxj', deadline: new Date('2025-03-09'), status: 'CLOSED', closedAt: at('2025-03-01') });
    const in3 = await insertTaskRow({ leadUnit: 'gxj', deadline: new Date('2025-03-13') });

    const first = await runScheduledJobs({ today });
    expect(first.reminders).toBeGreaterThanOrEqual(6);
    expect(await remindersOf(in7.id)).toEqual([
      `gxj_head deadline.7d ${in7.id}:DEADLINE_7D:2025-03-17`,
      `gxj_staff deadline.7d ${in7.id}:DEADLINE_7D:2025-03-17`,
    ]);
    expect(await remindersOf(in1.id)).toEqual([
      `gxj_head deadline.1d ${in1.id}:DEADLINE_1D:2025-03-11`,
      `gxj_staff deadline.1d ${in1.id}:DEADLINE_1D:2025-03-11`,
    ]);
    expect(await remindersOf(overdue.id)).toEqual([
      `gxj_head deadline.overdue ${overdue.id}:OVERDUE:2025-03-09`,
      `gxj_staff deadline.overdue ${overdue.id}:OVERDUE:2025-03-09`,
    ]);
    expect(await remindersOf(closedOverdue.id)).toEqual([]);
    expect(await remindersOf(in3.id)).toEqual([]);

    // Idempotent: the same day again creates nothing, in any job.
    const total = await testDb.notification.count();
    // integrityProblems depends on every other test file sharing this database, so it is not asserted here.
    expect(await runScheduledJobs({ today })).toMatchObject({ reminders: 0, escalations: 0, missedReportNotices: 0 });
    expect(await testDb.notification.count()).toBe(total);

    // An extended deadline reminds again for the new date.
    await testDb.task.update({ where: { id: in1.id }, data: { deadline: new Date('2025-03-17') } });
    await runScheduledJobs({ today });
    expect(await remindersOf(in1.id)).toHaveLength(4);
  });

  test('an unanswered 督办 escalates to the leaders once, the day after its response day; an answered one never', async () => {
    const admin = await sessionUser('admin');
    const created = at('2025-04-01');
    // 工信局 is overseen by leader; leader2 leads the task.
    const task = await insertTaskRow({ leadUnit: 'gxj', leaders: ['leader2'], deadline: new Date('2025-12-31') });
    const open = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '限期说明进展', responseDue: '2025-04-03' }, today: created });
    const answered = await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '限期整改', responseDue: '2025-04-03' }, today: created });
    await respondToSupervision({ user: await sessionUser('gxj_head'), input: { supervisionId: answered.id, response: '已整改完毕' } });

    await runScheduledJobs({ today: at('2025-04-03') }); // the response day itself is still in time
    expect((await testDb.supervisionAction.findUniqueOrThrow({ where: { id: open.id } })).escalatedAt).toBeNull();

    await runScheduledJobs({ today: at('2025-04-04') });
    expect((await testDb.supervisionAction.findUniqueOrThrow({ where: { id: open.id } })).escalatedAt).not.toBeNull();
    expect((await testDb.supervisionAction.findUniqueOrThrow({ where: { id: answered.id } })).escalatedAt).toBeNull();
    const escalations = () =>
      testDb.notification.findMany({ where: { kind: 'supervision.escalated', link: `/tasks/${task.id}` }, include: { user: { select: { username: true } } } });
    expect((await escalations()).map((n) => n.user.username).sort()).toEqual(['leader', 'leader2']);

    expect((await runScheduledJobs({ today: at('2025-04-05') })).escalations).toBe(0);
    expect(await escalations()).toHaveLength(2);
    const audit = await testDb.auditEvent.findMany({ where: { entity: 'SupervisionAction', entityId: open.id, action: 'supervision.escalate' } });
    expect(audit).toHaveLength(1);
  });

  test('a unit with a weekly task not reported last week gets one missed-report notice for that week', async () => {
    const today = at('2025-05-14'); // Wednesday of 2025-W20; last week is 2025-W19 (May 5–11)
    await insertTaskRow({ leadUnit: 'swj', cadence: 'WEEKLY', startDate: new Date('2025-04-01'), deadline: new Date('2025-12-31'), status: 'IN_PROGRESS' });
    await insertTaskRow({ leadUnit: 'swj', cadence: 'WEEKLY', startDate: new Date('2025-04-01'), deadline: new Date('2025-12-31'), status: 'IN_PROGRESS' });
    await insertTaskRow({ leadUnit: 'swj', cadence: 'WEEKLY', startDate: new Date('2025-04-01'), deadline: new Date('2025-12-31'), lastReportAt: at('2025-05-06') });
    await runScheduledJobs({ today });
    await runScheduledJobs({ today });
    const notices = await testDb.notification.findMany({ where: { kind: 'report.missed', dedupeKey: { startsWith: 'report-missed:' }, user: { username: { startsWith: 'swj_' } } } });
    const week = notices.filter((n) => n.dedupeKey!.endsWith(':2025-W19'));
    expect(week).toHaveLength(2); // head and liaison, once each
    expect(week[0]!.title).toMatch(/^【未按期报送】\d+项任务未报送2025年第19周进度$/);
  });
});
