// The demo seed tells the truth about the product: a county a few months into its year.
import { describe, expect, test } from 'vitest';
import { buildBulletin } from '@/lib/server/bulletins/build-bulletin';
import { previousPeriod } from '@/lib/core/schedule/cadence';
import { shanghaiYear } from '@/lib/core/schedule/calendar-day';
import { databaseKind, sessionUser, testDb } from '../support/db';

const WHOLE_UNITS = ['家', '个', '项', '所'];

describe(`the demo seed (${databaseKind} PostgreSQL)`, () => {
  const year = shanghaiYear(new Date());

  test('activity spreads over past months: last month’s 通报 counts tasks and closures', async () => {
    const period = previousPeriod('MONTHLY', new Date())!;
    // In January last month belongs to last year, whose demo has no tasks.
    if (Number(period.slice(0, 4)) !== year) return;
    const bulletin = await buildBulletin({ user: await sessionUser('admin'), period });
    expect(bulletin.totals.total).toBeGreaterThan(0);
    expect(bulletin.totals.closed).toBeGreaterThan(0);
    const months = await testDb.$queryRaw<{ month: string }[]>`
      SELECT DISTINCT to_char(r."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS "month" FROM "ProgressReport" r JOIN "Task" t ON t.id = r."taskId" WHERE t."year" = ${year}`;
    expect(months.length).toBeGreaterThanOrEqual(2);
  });

  test('reported counts in 家/个/项/所 are whole numbers, and report texts vary', async () => {
    const targets = await testDb.target.findMany({ where: { unit: { in: WHOLE_UNITS }, actualValue: { not: null }, task: { year } }, select: { actualValue: true } });
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !Number.isInteger(t.actualValue!.toNumber()))).toEqual([]);
    const texts = await testDb.progressReport.findMany({ where: { task: { year } }, distinct: ['narrative'], select: { narrative: true } });
    expect(texts.length).toBeGreaterThan(20);
  });
});
