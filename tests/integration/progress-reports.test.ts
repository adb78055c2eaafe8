import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { listTaskTimeline } from '@/lib/server/tasks/list-task-timeline';
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { commitStaged, discardStaged, stageFile } from '@/lib/server/attachments/attachment-store';
import { MAX_ATTACHMENT_BYTES } from '@/lib/core/attachments/policy';
import { databaseKind, sessionUser, testDb } from '../support/db';
import { EXE_BYTES, PDF_BYTES, PNG_BYTES, TODAY, auditActions, pdf, taskRow, uploadDirOf, taskVersion, workflowTask } from '../support/workflow';

const as = sessionUser;

async function readStream(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function filesIn(dir: string) {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe(`progress reports (${databaseKind} PostgreSQL)`, () => {
  test('the lead unit reports for the current month: target actual, reported percent, derived progress, 办理中, audited', async () => {
    const task = await workflowTask('重点项目开工');
    const staff = await as('fgj_staff');
    const targetId = task.targets[0]!.id;
    const report = await fileProgressReport({
      user: staff,
      input: { taskId: task.id, version: 1, narrative: '已开工项目120个。', percent: 55, targetActuals: [{ targetId, actual: '120' }] },
      today: TODAY,
      ip: '10.1.1.1',
    });
    expect(report).toMatchObject({ periodKey: '2024-03', percent: 55, closureRequest: false, reviewState: 'PENDING', targetActuals: [{ targetId, actual: 120 }] });

    const stored = await taskRow(task.id);
    expect(stored).toMatchObject({ status: 'IN_PROGRESS', reportedPercent: 55, progressPercent: 60, version: 2 });
    expect(Number(stored.targets[0]!.actualValue)).toBe(120);
    expect(stored.lastReportAt).toBeInstanceOf(Date);
    expect(await auditActions(report.id)).toEqual(['report.file']);
    const taskEvent = await testDb.auditEvent.findFirstOrThrow({ where: { entityId: task.id, action: 'task.progress' } });
    expect(taskEvent).toMatchObject({
      actorId: staff.id,
      ip: '10.1.1.1',
      before: { status: 'ASSIGNED', progressPercent: 0, reportedPercent: null, targets: [{ id: targetId, actualValue: null }] },
      after: { status: 'IN_PROGRESS', progressPercent: 60, reportedPercent: 55, targets: [{ id: targetId, actualValue: 120 }] },
    });
    const admin = await as('admin');
    expect(await testDb.notification.count({ where: { userId: admin.id, kind: 'report.filed', link: `/tasks/${task.id}` } })).toBe(1);
  });

  test('without targets the reported percent is the progress; a blank actual leaves the figure unchanged', async () => {
    const task = await workflowTask('无量化指标任务', { targets: [] });
    await fileProgressReport({ user: await as('fgj_head'), input: { taskId: task.id, version: await taskVersion(task.id), narrative: '推进中', percent: 35 }, today: TODAY });
    expect(await taskRow(task.id)).toMatchObject({ progressPercent: 35, reportedPercent: 35 });

    const withTarget = await workflowTask('空白实际值');
    const targetId = withTarget.targets[0]!.id;
    const staff = await as('fgj_staff');
    await fileProgressReport({ user: staff, input: { taskId: withTarget.id, version: await taskVersion(withTarget.id), narrative: '一', percent: 10, targetActuals: [{ targetId, actual: 50 }] }, today: TODAY });
    await fileProgressReport({ user: staff, input: { taskId: withTarget.id, version: await taskVersion(withTarget.id), narrative: '二', percent: 20, targetActuals: [{ targetId, actual: '' }] }, today: TODAY });
    const stored = await taskRow(withTarget.id);
    expect(Number(stored.targets[0]!.actualValue)).toBe(50);
    expect(stored.progressPercent).toBe(25);
  });

  test('a co-unit reports its contribution without changing the task or its figures', async () => {
    const task = await workflowTask('配合单位报送');
    const targetId = task.targets[0]!.id;
    const report = await fileProgressReport({
      user: await as('czj_staff'),
      input: { taskId: task.id, version: 1, narrative: '已拨付资金3亿元。', percent: 40, targetActuals: [{ targetId, actual: 999 }] },
      today: TODAY,
    });
    expect(report).toMatchObject({ unitId: (await as('czj_staff')).unitId, targetActuals: [{ targetId, actual: 999 }] });
    const stored = await taskRow(task.id);
    expect(stored).toMatchObject({ status: 'ASSIGNED', version: 1, reportedPercent: null, progressPercent: 0, lastReportAt: null });
    expect(stored.targets[0]!.actualValue).toBeNull();
    expect(await auditActions(task.id)).toEqual(['task.create']);
    expect(await auditActions(report.id)).toEqual(['report.file']);
  });

  test('another unit, the office and leaders cannot report; the lead unit with a stale version is refused', async () => {
    const task = await workflowTask('报送权限');
    const input = { taskId: task.id, version: await taskVersion(task.id), narrative: '越权报送', percent: 10 };
    await expect(fileProgressReport({ user: await as('jyj_staff'), input, today: TODAY })).rejects.toThrow('未找到该记录');
    await expect(fileProgressReport({ user: await as('admin'), input, today: TODAY })).rejects.toThrow('无权执行报送进度');
    await expect(fileProgressReport({ user: await as('leader'), input, today: TODAY })).rejects.toThrow('无权执行报送进度');
    await transitionTask({ user: await as('fgj_staff'), taskId: task.id, version: 1, action: 'acknowledge' });
    await expect(fileProgressReport({ user: await as('fgj_head'), input: { ...input, version: 1 }, files: [pdf()], today: TODAY })).rejects.toThrow(
      '已被他人修改',
    );
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(0);
    expect(filesIn(uploadDirOf(task.id))).toEqual([]);
  });

  test('bad input is refused in Chinese and writes nothing', async () => {
    const task = await workflowTask('报送校验');
    const other = await workflowTask('别的任务');
    const staff = await as('fgj_staff');
    const version = await taskVersion(task.id);
    const refuse = (input: Record<string, unknown>) => fileProgressReport({ user: staff, input: { taskId: task.id, version, ...input }, today: TODAY });
    await expect(refuse({ narrative: '  ', percent: 10 })).rejects.toThrow('请填写工作进展');
    await expect(refuse({ narrative: '进展', percent: 120 })).rejects.toThrow('完成百分比应在 0–100 之间');
    await expect(refuse({ narrative: '进展', percent: 'abc' })).rejects.toThrow('请填写完成百分比');
    await expect(refuse({ narrative: '进展', percent: '' })).rejects.toThrow('请填写完成百分比');
    await expect(refuse({ narrative: '进展', percent: '12.5' })).rejects.toThrow('完成百分比应为整数');
    await expect(refuse({ narrative: '进展', percent: 10, periodKey: '2024-04' })).rejects.toThrow('不能报送未来期次');
    await expect(refuse({ narrative: '进展', percent: 10, periodKey: '2024-W10' })).rejects.toThrow('报送期次无效');
    await expect(refuse({ narrative: '进展', percent: 10, targetActuals: [{ targetId: other.targets[0]!.id, actual: 1 }] })).rejects.toThrow('指标不属于该任务');
    await expect(refuse({ narrative: '进展', percent: 10, targetActuals: [{ targetId: task.targets[0]!.id, actual: 'many' }] })).rejects.toThrow(
      '实际值应为数字',
    );
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(0);
    expect(await taskRow(task.id)).toMatchObject({ status: 'ASSIGNED', version: 1 });
  });

  test('a late report (补报) for last month is kept under that period', async () => {
    const task = await workflowTask('补报上月');
    const report = await fileProgressReport({
      user: await as('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '补报二月进展', percent: 20, periodKey: '2024-02' },
      today: TODAY,
    });
    expect(report.periodKey).toBe('2024-02');
  });

  test('attachments are stored on disk outside the database under random names, with sanitised display names', async () => {
    const task = await workflowTask('附件存储');
    const report = await fileProgressReport({
      user: await as('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附现场照片和验收报告', percent: 30 },
      files: [pdf('../../etc/验收<报告>.pdf'), { name: 'C:\\照片\\现场.png', type: 'image/png', bytes: PNG_BYTES }],
      today: TODAY,
    });
    const attachments = report.attachments as { name: string; storedName: string; size: number; type: string }[];
    expect(attachments.map((a) => [a.name, a.type, a.size])).toEqual([
      ['验收报告.pdf', 'application/pdf', PDF_BYTES.length],
      ['现场.png', 'image/png', PNG_BYTES.length],
    ]);
    const dir = uploadDirOf(task.id);
    expect(filesIn(dir)).toEqual(attachments.map((a) => a.storedName).sort());
    for (const attachment of attachments) expect(attachment.storedName).toMatch(/^[0-9a-f-]{36}\.(pdf|png)$/);
    expect(new Uint8Array(readFileSync(path.join(dir, attachments[0]!.storedName)))).toEqual(PDF_BYTES);
    // Only metadata is in the database.
    expect(JSON.stringify(report.attachments)).not.toContain('%PDF');
  });

  test('oversize, disguised, disallowed and too many files are refused and nothing is written', async () => {
    const task = await workflowTask('附件拒收');
    const staff = await as('fgj_staff');
    const file = async (files: Parameters<typeof fileProgressReport>[0]['files']) =>
      fileProgressReport({ user: staff, input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附件测试', percent: 10 }, files, today: TODAY });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF_BYTES);
    await expect(file([pdf('大文件.pdf', big)])).rejects.toThrow('“大文件.pdf”超过 10MB');
    await expect(file([pdf('ok.pdf'), pdf('病毒.pdf', EXE_BYTES)])).rejects.toThrow('“病毒.pdf”的内容与扩展名不符');
    await expect(file([pdf('setup.exe', EXE_BYTES)])).rejects.toThrow('“setup.exe”的文件类型不支持');
    await expect(file(Array.from({ length: 6 }, (_, i) => pdf(`第${i}份.pdf`)))).rejects.toThrow('每次最多上传 5 个附件');
    // A real File, as a server action receives it.
    await expect(file([new File([EXE_BYTES], '改名.pdf', { type: 'application/pdf' })])).rejects.toThrow('内容与扩展名不符');
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(0);
    expect(filesIn(uploadDirOf(task.id))).toEqual([]);
    expect(await taskRow(task.id)).toMatchObject({ status: 'ASSIGNED', version: 1 });

    const ok = await file([new File([PDF_BYTES], '真文件.pdf', { type: 'application/pdf' })]);
    expect((ok.attachments as { name: string }[])[0]!.name).toBe('真文件.pdf');
  });

  test('staged files become visible only when committed and vanish when discarded', async () => {
    const task = await workflowTask('暂存文件');
    const dir = uploadDirOf(task.id);
    const kept = await stageFile(task.id, '11111111-1111-4111-8111-111111111111.pdf', PDF_BYTES);
    const dropped = await stageFile(task.id, '22222222-2222-4222-8222-222222222222.pdf', PDF_BYTES);
    expect(filesIn(dir)).toEqual(['11111111-1111-4111-8111-111111111111.pdf.part', '22222222-2222-4222-8222-222222222222.pdf.part']);
    await commitStaged([kept]);
    await discardStaged([dropped]);
    expect(filesIn(dir)).toEqual(['11111111-1111-4111-8111-111111111111.pdf']);
    await expect(stageFile(task.id, '../escape.pdf', PDF_BYTES)).rejects.toThrow('invalid attachment path');
  });

  test('the office accepts or returns an ordinary report; returning needs a reason and tells the unit', async () => {
    const task = await workflowTask('审核普通报告');
    const staff = await as('fgj_staff');
    const admin = await as('admin');
    const first = await fileProgressReport({ user: staff, input: { taskId: task.id, version: await taskVersion(task.id), narrative: '第一次', percent: 10 }, today: TODAY });
    const second = await fileProgressReport({ user: await as('czj_staff'), input: { taskId: task.id, version: await taskVersion(task.id), narrative: '配合', percent: 10 }, today: TODAY });

    await expect(reviewProgressReport({ user: admin, input: { reportId: first.id, decision: 'return', reason: ' ', version: await taskVersion(task.id) } })).rejects.toThrow('请填写退回理由');
    await reviewProgressReport({ user: admin, input: { reportId: first.id, decision: 'return', reason: '数据与统计局口径不一致', version: await taskVersion(task.id) } });
    expect(await testDb.progressReport.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      reviewState: 'RETURNED',
      reviewReason: '数据与统计局口径不一致',
      reviewedById: admin.id,
    });
    expect(await auditActions(first.id)).toEqual(['report.file', 'report.return']);
    expect(await testDb.notification.count({ where: { userId: staff.id, kind: 'report.returned', link: `/tasks/${task.id}` } })).toBe(1);

    await expect(reviewProgressReport({ user: admin, input: { reportId: second.id, decision: 'accept' } })).rejects.toThrow('缺少版本号');
    await reviewProgressReport({ user: admin, input: { reportId: second.id, decision: 'accept', version: await taskVersion(task.id) } });
    expect(await auditActions(second.id)).toEqual(['report.file', 'report.accept']);
    await expect(reviewProgressReport({ user: admin, input: { reportId: second.id, decision: 'return', reason: '再退', version: await taskVersion(task.id) } })).rejects.toThrow('该报告已审核');
    // Reviewing an ordinary report does not touch the task.
    expect((await taskRow(task.id)).status).toBe('IN_PROGRESS');
    await expect(reviewProgressReport({ user: await as('leader'), input: { reportId: second.id, decision: 'accept', version: await taskVersion(task.id) } })).rejects.toThrow('无权执行审核报告');
  });
});

describe(`timeline and attachment access (${databaseKind} PostgreSQL)`, () => {
  test('the timeline merges reports, extension requests and the task’s audit events, newest first, within scope', async () => {
    const task = await workflowTask('时间线');
    const staff = await as('fgj_staff');
    await transitionTask({ user: staff, taskId: task.id, version: 1, action: 'acknowledge' });
    const report = await fileProgressReport({ user: staff, input: { taskId: task.id, version: await taskVersion(task.id), narrative: '本月进展', percent: 20 }, files: [pdf()], today: TODAY });
    const { requestExtension } = await import('@/lib/server/extensions/request-extension');
    await requestExtension({ user: staff, input: { taskId: task.id, requestedDeadline: '2025-03-31', reason: '受汛期影响' } });
    const { createSupervisionAction } = await import('@/lib/server/supervision/create-supervision-action');
    const admin = await as('admin');
    await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'SUPERVISE', text: '请于月底前答复', responseDue: '2024-06-30' }, today: TODAY });

    for (const username of ['fgj_staff', 'czj_head', 'admin', 'leader']) {
      const timeline = await listTaskTimeline({ user: await as(username), taskId: task.id });
      expect(timeline.map((e) => (e.kind === 'audit' ? e.action : e.kind))).toEqual(['supervision', 'extension', 'report', 'task.acknowledge', 'task.create']);
      expect(timeline[0]).toMatchObject({ type: 'SUPERVISE', author: { id: admin.id }, recipientUnit: { shortName: '发改局' }, responseDue: new Date('2024-06-30'), responder: null });
      const reported = timeline.find((e) => e.kind === 'report');
      expect(reported).toMatchObject({ id: report.id, narrative: '本月进展', author: { name: '杨小雨' }, unit: { shortName: '发改局' } });
      expect(reported?.kind === 'report' && reported.attachments.map((a) => a.name)).toEqual(['验收报告.pdf']);
      expect(reported).toMatchObject({ reviewState: 'PENDING', reviewedBy: null, targetActuals: [] });
      expect(timeline[1]).toMatchObject({ kind: 'extension', requester: { name: '杨小雨' }, decider: null, decision: 'PENDING', requestedDeadline: new Date('2025-03-31') });
      expect(timeline.find((e) => e.kind === 'audit' && e.action === 'task.acknowledge')).toMatchObject({ actor: { id: staff.id, name: '杨小雨' } });
    }
    await expect(listTaskTimeline({ user: await as('jyj_staff'), taskId: task.id })).rejects.toThrow('未找到该记录');
    await expect(listTaskTimeline({ user: await as('leader4'), taskId: task.id })).rejects.toThrow('未找到该记录');
  });

  test('an attachment is readable by the task’s units, the office and the overseeing leader, and by no one else', async () => {
    const task = await workflowTask('附件访问');
    const report = await fileProgressReport({
      user: await as('fgj_staff'),
      input: { taskId: task.id, version: await taskVersion(task.id), narrative: '附件', percent: 10 },
      files: [pdf('验收报告.pdf')],
      today: TODAY,
    });
    const storedName = (report.attachments as { storedName: string }[])[0]!.storedName;

    for (const username of ['fgj_head', 'czj_staff', 'admin', 'leader']) {
      const file = await getAttachment({ user: await as(username), reportId: report.id, storedName });
      expect(file).toMatchObject({ name: '验收报告.pdf', type: 'application/pdf', size: PDF_BYTES.length });
      expect(await readStream(file.stream())).toEqual(PDF_BYTES);
    }
    for (const username of ['jyj_staff', 'jyj_head', 'leader4']) {
      await expect(getAttachment({ user: await as(username), reportId: report.id, storedName })).rejects.toThrow('未找到该记录');
    }
    const admin = await as('admin');
    const otherTask = await workflowTask('另一个任务');
    const otherReport = await fileProgressReport({ user: await as('fgj_staff'), input: { taskId: otherTask.id, version: await taskVersion(otherTask.id), narrative: '另', percent: 1 }, today: TODAY });
    // A name that is not on this report, a path, or another report's id all miss.
    await expect(getAttachment({ user: admin, reportId: report.id, storedName: '123e4567-e89b-42d3-a456-426614174000.pdf' })).rejects.toThrow('未找到该记录');
    await expect(getAttachment({ user: admin, reportId: report.id, storedName: `../${storedName}` })).rejects.toThrow('未找到该记录');
    await expect(getAttachment({ user: admin, reportId: otherReport.id, storedName })).rejects.toThrow('未找到该记录');
  });
});

describe('versions', () => {
  test('a report without the task version is refused in Chinese and writes nothing', async () => {
    const task = await workflowTask('报送须带版本');
    await expect(fileProgressReport({ user: await as('fgj_staff'), input: { taskId: task.id, narrative: '进展', percent: 10 }, today: TODAY })).rejects.toThrow(
      '缺少版本号，请刷新页面后重试',
    );
    expect(await testDb.progressReport.count({ where: { taskId: task.id } })).toBe(0);
  });
});
