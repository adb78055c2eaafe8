import { expect, test } from '@playwright/test';
import { canonicalize, hashCanonical, type CommitmentContent } from '@/lib/core/commitment/canonical';
import { signIn, signOut } from './helpers';
import { createTaskFixtures, e2eDb, uniqueTag } from './fixtures';

// A year of its own: the letters and tasks of this journey are the only ones.
const YEAR = 2037;

/** A letter signed by both sides (LOCKED) listing the unit's task: what the assessment judges against. */
async function lockedLetter(unitCode: string, task: { id: string; title: string }) {
  const unit = await e2eDb().unit.findUniqueOrThrow({ where: { code: unitCode } });
  const content: CommitmentContent = {
    unit: { code: unit.code, name: unit.name },
    year: YEAR,
    preamble: '承诺',
    leadTasks: [{ taskId: task.id, seq: 1, title: task.title, deadline: `${YEAR}-06-30`, leadLeader: '', targets: [] }],
    coTasks: [],
  };
  await e2eDb().commitment.create({
    data: {
      unitId: unit.id,
      year: YEAR,
      versions: {
        create: { version: 1, preamble: '承诺', content: JSON.parse(JSON.stringify(content)), canonical: canonicalize(content), contentHash: hashCanonical(content), status: 'LOCKED', issuedAt: new Date(), lockedAt: new Date() },
      },
    },
  });
}

test('the office sets a scheme, runs and adjusts the assessment, a leader approves, the office publishes and downloads it', async ({ page }) => {
  const tag = uniqueTag('考核');
  const tasks = await createTaskFixtures(
    ['fgj', 'czj'].map((unit) => ({ title: `${tag}${unit}`, leadUnit: unit, startDate: `${YEAR}-01-01`, deadline: `${YEAR}-06-30` })),
  );
  await lockedLetter('fgj', tasks[0]!);
  await lockedLetter('czj', tasks[1]!);
  await e2eDb().target.create({ data: { taskId: tasks[0]!.id, metric: `${tag}项目数`, comparator: 'GTE', value: 10, unit: '个', actualValue: 6 } });
  // ECharts must render under the nonce CSP: any violation is reported on the console.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });

  await signIn(page, 'admin');
  await page.goto(`/assessment/scheme?year=${YEAR}`);
  await page.getByLabel('名称').fill(`${YEAR}年度考核办法`);
  await page.getByLabel('被催办每次扣分').fill('0.5');
  await page.getByLabel('被催办最多扣分').fill('2');
  await page.getByRole('button', { name: '保存考核办法' }).click();
  await expect(page.getByText('考核办法已保存')).toBeVisible();

  await page.goto(`/assessment?year=${YEAR}`);
  await expect(page.getByText(`考核办法：${YEAR}年度考核办法`)).toBeVisible();
  await page.getByRole('button', { name: '计算考核结果' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('待审定');
  await expect(page.getByTestId('assessment-row')).toHaveCount(2);

  const adjust = page.getByRole('form', { name: '调整得分' });
  await adjust.getByLabel('单位').selectOption({ label: '发改局' });
  await adjust.getByLabel(/调整分值/).fill('-2');
  await adjust.getByLabel('理由').fill('重点项目推进不力');
  await adjust.getByRole('button', { name: '保存调整' }).click();
  await expect(page.getByText('得分调整已保存')).toBeVisible();
  await expect(page.getByTestId('assessment-row').filter({ hasText: '发改局' })).toContainText('重点项目推进不力');
  await signOut(page);

  await signIn(page, 'leader');
  await expect(page.getByRole('img', { name: /月度趋势/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /月度趋势/ }).locator('svg')).toBeVisible();
  await page.goto(`/assessment?year=${YEAR}`);
  await expect(page.getByRole('img', { name: /得分分布/ }).locator('svg')).toBeVisible();
  await expect(page.getByRole('img', { name: /得分构成/ }).locator('svg')).toBeVisible();
  await page.getByRole('button', { name: '审定考核结果' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已审定，待公布');
  await signOut(page);

  await signIn(page, 'admin');
  await page.goto(`/assessment?year=${YEAR}`);
  await page.getByRole('button', { name: '公布考核结果' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已公布');
  await expect(page.getByText('已锁定并由县级密钥签章，核验一致')).toBeVisible();
  await expect(page.getByRole('form', { name: '调整得分' })).toHaveCount(0);

  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  expect(excel.suggestedFilename()).toBe(`${YEAR}年度年终考核结果.xlsx`);
  const pdf = await page.request.get(`/api/assessment/${YEAR}/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.goto(`/tasks/${tasks[0]!.id}`);
  await expect(page.getByRole('img', { name: new RegExp(`指标完成情况：${tag}项目数 60%`) }).locator('svg')).toBeVisible();
  expect(cspViolations).toEqual([]);
});
