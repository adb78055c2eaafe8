import { describe, expect, test } from 'vitest';
import { buildBulletin } from '@/lib/server/bulletins/build-bulletin';
import { issueBulletin } from '@/lib/server/bulletins/issue-bulletin';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { buildBulletinWorkbook } from '@/lib/core/export/bulletin-workbook';
import ExcelJS from 'exceljs';
import { sessionUser, testDb } from '../support/db';
import { insertTaskRow } from '../support/task-rows';
import { CURRENT_RANKING_SCHEME } from '@/lib/core/assessment/scheme';

const TODAY = new Date('2023-05-20T10:00:00+08:00');
const created = new Date('2023-01-05T10:00:00+08:00');

describe('monthly 通报', () => {
  test('the April bulletin counts as of 30 April: completion, the overdue list with days overdue, the ranking', async () => {
    const admin = await sessionUser('admin');
    const base = { year: 2023, startDate: new Date('2023-01-01'), createdAt: created };
    const before = await buildBulletin({ user: admin, period: '2023-04', today: TODAY });
    const overdue = await insertTaskRow({ ...base, leadUnit: 'slj', title: '水利局三月底应完成', deadline: new Date('2023-03-31') });
    await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2023-03-31'), status: 'CLOSED', closedAt: new Date('2023-03-30T10:00:00+08:00') });
    // Closed in May: still open (and overdue) on 30 April.
    const closedLater = await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2023-04-10'), status: 'CLOSED', closedAt: new Date('2023-05-02T10:00:00+08:00') });
    await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2023-12-31') });
    await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2023-03-01'), createdAt: new Date('2023-05-10T10:00:00+08:00') }); // created after April
    await insertTaskRow({ ...base, year: 2022, leadUnit: 'slj', deadline: new Date('2022-12-31') }); // another year

    const bulletin = await buildBulletin({ user: admin, period: '2023-04', today: TODAY });
    expect(bulletin).toMatchObject({ period: '2023-04', periodLabel: '2023年4月', asOf: '2023-04-30', year: 2023, title: '示范县重点工作督查通报（2023年4月）' });
    expect(bulletin.totals.total - before.totals.total).toBe(4);
    expect(bulletin.totals.closed - before.totals.closed).toBe(1);
    expect(bulletin.totals.overdue - before.totals.overdue).toBe(2);
    const rows = bulletin.overdue.rows.filter((r) => r.unit === '水利局');
    expect(rows.map((r) => [r.code, r.deadline, r.daysOverdue])).toEqual(
      expect.arrayContaining([
        [overdue.code, '2023-03-31', 30],
        [closedLater.code, '2023-04-10', 20],
      ]),
    );
    expect(rows.find((r) => r.code === overdue.code)?.title).toBe('水利局三月底应完成');
    const slj = bulletin.ranking.find((r) => r.unit === '水利局')!;
    expect(slj).toMatchObject({ closed: 1, closedOnTime: 1, overdue: 2, onTimeRate: 0.3333 });
    expect(bulletin.ranking.map((r) => r.rank)).toEqual([...bulletin.ranking.map((r) => r.rank)].sort((a, b) => a - b));

    // The current month is counted up to today.
    expect((await buildBulletin({ user: admin, period: '2023-05', today: TODAY })).asOf).toBe('2023-05-20');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildBulletinWorkbook(bulletin)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['概况', '逾期任务', '单位排名']);
    expect(workbook.getWorksheet('逾期任务')!.rowCount).toBe(bulletin.overdue.rows.length + 1);
    expect(workbook.getWorksheet('概况')!.getCell('A1').value).toBe(bulletin.title);
  });

  test("the ranking is scored by the year's 考核办法, as the ranking page does", async () => {
    const admin = await sessionUser('admin');
    const base = { year: 2021, startDate: new Date('2021-01-01'), createdAt: new Date('2021-01-05T10:00:00+08:00') };
    await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2021-03-31'), status: 'CLOSED', closedAt: new Date('2021-03-30T10:00:00+08:00') });
    await insertTaskRow({ ...base, leadUnit: 'slj', deadline: new Date('2021-04-30') }); // overdue on 31 May
    const june = new Date('2021-06-15T10:00:00+08:00');
    // The default scheme is the old formula: 60 × 1/2 + 40 × 1/2 − 2 = 48.
    const byDefault = await buildBulletin({ user: admin, period: '2021-05', today: june });
    expect(byDefault.ranking.find((r) => r.unit === '水利局')).toMatchObject({ onTimeRate: 0.5, overdue: 1, score: 48 });
    expect(byDefault.scheme?.name).toBe(CURRENT_RANKING_SCHEME.name);

    const scheme = { ...CURRENT_RANKING_SCHEME, name: '按时为重', rates: { onTimeRate: 100, onTrackShare: 0 }, deductions: { ...CURRENT_RANKING_SCHEME.deductions, overdue: { points: 5, cap: 50 } } };
    await testDb.assessmentScheme.create({ data: { year: 2021, scheme } });
    try {
      // 100 × 1/2 − 5 = 45.
      const bulletin = await buildBulletin({ user: admin, period: '2021-05', today: june });
      expect(bulletin.ranking.find((r) => r.unit === '水利局')?.score).toBe(45);
      expect(bulletin.scheme).toMatchObject({ name: '按时为重', description: expect.stringContaining('100') });
    } finally {
      await testDb.assessmentScheme.delete({ where: { year: 2021 } });
    }
  });

  test('only the office builds or issues; bad and future periods are refused', async () => {
    for (const username of ['leader', 'fgj_head']) {
      const user = await sessionUser(username);
      await expect(buildBulletin({ user, period: '2023-04', today: TODAY })).rejects.toThrow('无权执行生成通报');
      await expect(issueBulletin({ user, input: { period: '2023-04' }, today: TODAY })).rejects.toThrow('无权执行印发通报');
      await expect(listBulletins({ user })).rejects.toThrow('无权执行查看通报');
    }
    const admin = await sessionUser('admin');
    await expect(buildBulletin({ user: admin, period: '2023-13', today: TODAY })).rejects.toThrow('月份格式应为 YYYY-MM');
    await expect(buildBulletin({ user: admin, period: '2023-06', today: TODAY })).rejects.toThrow('不能生成未来月份的通报');
    await expect(issueBulletin({ user: admin, input: { period: 'April' }, today: TODAY })).rejects.toThrow('月份格式应为 YYYY-MM');
    expect(await testDb.bulletin.count({ where: { periodKey: { in: ['2023-13', '2023-06', 'April'] } } })).toBe(0);
  });

  test('issuing stores the bulletin as built, audits it and notifies every unit and the leaders', async () => {
    const admin = await sessionUser('admin');
    const issued = await issueBulletin({ user: admin, input: { period: '2023-04' }, today: TODAY });
    expect(issued).toMatchObject({ periodKey: '2023-04', title: '示范县重点工作督查通报（2023年4月）', issuedById: admin.id });
    const audit = await testDb.auditEvent.findMany({ where: { entity: 'Bulletin', entityId: issued.id } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['bulletin.issue', admin.id]]);

    const notified = await testDb.notification.findMany({ where: { link: `/bulletins/${issued.id}` }, include: { user: { select: { username: true, role: true } } } });
    const usernames = notified.map((n) => n.user.username);
    expect(usernames).toEqual(expect.arrayContaining(['fgj_head', 'fgj_staff', 'drz_staff', 'leader', 'leader4']));
    expect(usernames).not.toContain('admin');
    expect(notified.length).toBe(await testDb.user.count({ where: { active: true, role: { in: ['UNIT_HEAD', 'UNIT_STAFF', 'LEADER'] } } }));

    // Any signed-in user reads it as issued, even after the tasks change.
    await insertTaskRow({ year: 2023, leadUnit: 'slj', deadline: new Date('2023-02-01'), createdAt: created });
    const read = await getBulletin({ user: await sessionUser('drz_staff'), bulletinId: issued.id });
    expect(read.content).toEqual(issued.content);
    expect(read.issuer?.name).toBe('王志强');
    await expect(getBulletin({ user: await sessionUser('drz_staff'), bulletinId: 'missing' })).rejects.toThrow('未找到该记录');
    expect((await listBulletins({ user: admin })).map((b) => b.id)).toContain(issued.id);
  });
});
