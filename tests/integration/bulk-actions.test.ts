import { describe, expect, test } from 'vitest';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';
import { reviewProgressReports } from '@/lib/server/reports/review-progress-reports';
import { urgeTasks } from '@/lib/server/supervision/urge-tasks';
import { issueYearCommitments } from '@/lib/server/commitments/issue-year-commitments';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';
import { TODAY, workflowTask } from '../support/workflow';

async function reportedTask(title: string) {
  const task = await workflowTask(title);
  const report = await fileProgressReport({ user: await sessionUser('fgj_staff'), input: { taskId: task.id, version: 1, narrative: `${title}进展`, percent: 30 }, today: TODAY });
  return { task, report };
}

describe(`bulk actions (${databaseKind} PostgreSQL)`, () => {
  test('the office accepts several reports at once, each audited; one already reviewed is named, not redone', async () => {
    const admin = await sessionUser('admin');
    const [a, b, c] = [await reportedTask('批量审核甲'), await reportedTask('批量审核乙'), await reportedTask('批量审核丙')];
    await reviewProgressReport({ user: admin, input: { reportId: c.report.id, decision: 'accept', version: 2 } });

    const outcome = await reviewProgressReports({ user: admin, input: { reportIds: [a.report.id, b.report.id, c.report.id], decision: 'accept' }, ip: '10.0.0.9' });
    expect(outcome).toEqual({ done: 2, failed: [{ label: c.task.code, message: '该报告已审核，请刷新后查看' }] });
    const states = await testDb.progressReport.findMany({ where: { id: { in: [a.report.id, b.report.id] } }, select: { reviewState: true } });
    expect(states.map((s) => s.reviewState)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(await testDb.auditEvent.count({ where: { action: 'report.accept', entityId: { in: [a.report.id, b.report.id] }, ip: '10.0.0.9' } })).toBe(2);
  });

  test('returning in bulk needs the one reason; a unit user may not review at all', async () => {
    const { report } = await reportedTask('批量退回');
    await expect(reviewProgressReports({ user: await sessionUser('admin'), input: { reportIds: [report.id], decision: 'return' } })).rejects.toThrow('请填写退回理由');
    await expect(reviewProgressReports({ user: await sessionUser('fgj_head'), input: { reportIds: [report.id], decision: 'accept' } })).rejects.toThrow('无权');
    const outcome = await reviewProgressReports({ user: await sessionUser('admin'), input: { reportIds: [report.id], decision: 'return', reason: '请补充佐证材料' } });
    expect(outcome.done).toBe(1);
    expect(await testDb.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ reviewState: 'RETURNED', reviewReason: '请补充佐证材料' });
  });

  test('催办 several tasks at once: one 催办 each with its audit row; a task outside a leader’s scope is not found', async () => {
    const [one, two] = [await workflowTask('批量催办甲'), await workflowTask('批量催办乙')];
    const outcome = await urgeTasks({ user: await sessionUser('admin'), input: { taskIds: [one.id, two.id], text: '请于本周报送进展' } });
    expect(outcome).toEqual({ done: 2, failed: [] });
    const urges = await testDb.supervisionAction.findMany({ where: { taskId: { in: [one.id, two.id] }, kind: 'URGE' }, select: { id: true } });
    expect(urges).toHaveLength(2);
    expect(await testDb.auditEvent.count({ where: { action: 'supervision.urge', entityId: { in: urges.map((u) => u.id) } } })).toBe(2);

    const outsider = await urgeTasks({ user: await sessionUser('leader4'), input: { taskIds: [one.id], text: '请加快进度' } });
    expect(outsider).toEqual({ done: 0, failed: [{ label: '任务', message: '未找到该记录，或您无权访问' }] });
    await expect(urgeTasks({ user: await sessionUser('fgj_head'), input: { taskIds: [one.id], text: '请加快进度' } })).rejects.toThrow('无权');
  });

  test('one action generates and issues every unit’s letter for a year; a second leaves the issued ones alone', async () => {
    // A year no other test file uses (commitments.test.ts issues 2031's letters).
    const year = 2041;
    const dates = { year, startDate: `${year}-01-01`, deadline: `${year}-12-31`, coUnitIds: [] };
    await workflowTask('年度承诺甲', dates);
    await workflowTask('年度承诺乙', { ...dates, leadUnitId: await unitId('jyj') });
    const admin = await sessionUser('admin');

    expect(await issueYearCommitments({ user: admin, input: { year } })).toEqual({ done: 2, skipped: { count: 0, reason: '已下发' }, failed: [] });
    const versions = await testDb.commitmentVersion.findMany({ where: { commitment: { year } }, select: { id: true, status: true } });
    expect(versions.map((v) => v.status)).toEqual(['ISSUED', 'ISSUED']);
    expect(await testDb.auditEvent.count({ where: { action: 'commitment.issue', entityId: { in: versions.map((v) => v.id) } } })).toBe(2);

    expect(await issueYearCommitments({ user: admin, input: { year } })).toEqual({ done: 0, skipped: { count: 2, reason: '已下发' }, failed: [] });
    await expect(issueYearCommitments({ user: await sessionUser('leader'), input: { year } })).rejects.toThrow('无权');
  });
});
