import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const SEED_002_PATH = 'seeds/002_6089192e013f8b81.txt';
const TITLE = 'XX县县长在县委十六届五次全会上的讲话';
// The demo seed has imported seed 002 already; a revised copy (new title line) is a new document.
const REVISED_TITLE = `${TITLE}（修订稿·${Date.now().toString(36)}）`;
const REVISED = readFileSync(SEED_002_PATH, 'utf8').replace(TITLE, REVISED_TITLE);

test('the office imports seed 002, corrects an owner and a deadline, publishes, and finds the task in the list', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await page.goto('/plans');
  await expect(page.getByRole('heading', { level: 1, name: '计划导入' })).toBeVisible();

  // The document as it is was imported by the seed: the re-import is detected, with a link.
  await page.getByLabel('或上传文件').setInputFiles(SEED_002_PATH);
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page.getByText(`该文件已导入过：《${TITLE}》`)).toBeVisible();
  await expect(page.getByRole('link', { name: '查看已导入的计划' })).toBeVisible();

  // A revised copy is recognised as nearly the same document; the office imports it anyway.
  await page.getByLabel('或上传文件').setInputFiles({ name: '002_修订稿.txt', mimeType: 'text/plain', buffer: Buffer.from(REVISED, 'utf8') });
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page.getByText(/几乎相同（相似度 \d+%）/)).toBeVisible();
  await page.getByLabel(/仍然导入/).check();
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page).toHaveURL(/\/plans\/[^/?#]+$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: REVISED_TITLE })).toBeVisible();
  const planId = new URL(page.url()).pathname.split('/').pop()!;

  // The cleaned document beside the tree; an item's number jumps to its passage.
  await expect(page.getByTestId('plan-document')).toContainText('聚力项目建设，扩大有效投资');
  const item = page.getByTestId('plan-item').filter({ hasText: '聚力项目建设，扩大有效投资' });
  await expect(item).toHaveCount(1);
  await item.getByTitle('在原文中定位').click();
  await expect(page).toHaveURL(/#span-/);
  await expect(page.locator('mark:target')).toContainText('聚力项目建设，扩大有效投资');

  // The importer's suggestion says why (the 职责 keywords that matched); correct the owner and the deadline.
  await expect(item.getByText(/按职责关键词推荐，请确认（职责关键词：项目建设/)).toBeVisible();
  // (The leader choices' hints also mention the 牵头单位: take the select by its role.)
  const leadUnit = item.getByRole('combobox', { name: /^牵头单位/ });
  await expect(leadUnit).not.toHaveValue('');
  await leadUnit.selectOption({ label: '县统计局' });
  await item.getByLabel('完成时限').fill('2023-11-30');
  await item.getByRole('button', { name: '保存' }).click();
  await expect(item.getByText('已保存')).toBeVisible();
  await expect(leadUnit.locator('option:checked')).toHaveText('县统计局');
  await expect(item.getByLabel('完成时限')).toHaveValue('2023-11-30');
  await expect(item.getByText('已人工指定')).toBeVisible();

  // Whatever has no lead unit yet blocks publishing until it is resolved.
  const summary = page.getByTestId('review-summary');
  const publish = summary.getByRole('button', { name: /^发布 \d+ 项任务$/ });
  if ((await summary.getByTestId('count-missing-lead').textContent()) !== '0') {
    await expect(publish).toBeDisabled();
    await summary.getByLabel('为未指定的任务统一设置牵头单位').selectOption({ label: '县委办公室' });
    await summary.getByRole('button', { name: '统一设置' }).click();
    await expect(summary.getByText(/^已为 \d+ 项任务设置牵头单位$/)).toBeVisible();
  }
  await expect(summary.getByTestId('count-missing-lead')).toHaveText('0');
  const taskCount = Number(await summary.getByTestId('count-tasks').textContent());
  expect(taskCount).toBeGreaterThan(10);
  await expect(publish).toBeEnabled();
  // The document's deadlines (2023) are past: publishing asks the office to confirm them.
  await summary.getByTestId('past-deadlines').getByRole('checkbox').check();
  await publish.click();

  // The task list, filtered to the plan, shows the corrected task.
  await expect(page).toHaveURL(new RegExp(`/tasks\\?planId=${planId}$`), { timeout: 30_000 });
  const row = page.getByTestId('task-table').locator('tbody tr').filter({ hasText: '聚力项目建设，扩大有效投资' });
  await expect(row).toHaveCount(1);
  // The list shows units by their short name.
  await expect(row).toContainText('统计局');
  await expect(row).toContainText('2023-11-30');

  // The plan is now read-only and links to its tasks.
  await page.goto(`/plans/${planId}`);
  await expect(page.getByText('该计划已发布，分解结果只读')).toBeVisible();
  await expect(page.getByRole('link', { name: `查看 ${taskCount} 项任务` })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
  const published = page.getByTestId('plan-item').filter({ hasText: '聚力项目建设，扩大有效投资' });
  await expect(published).toContainText('牵头单位：县统计局 · 完成时限：2023-11-30');
  await expect(published.getByRole('link', { name: /^任务 \d{4}-\d{4}$/ })).toBeVisible();
});

test('the reviewer splits, merges, excludes and edits targets in place before publishing a pasted plan', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `示范县2024年重点工作任务（${Date.now().toString(36)}）`;
  const text = [
    title,
    '一、扩大有效投资',
    '（一）全年实施重点项目200个以上，完成投资40亿元。6月底前完成年度计划过半。牵头单位：县发改局；配合单位：县财政局。',
    '（二）新签约招商项目100个，到位资金50亿元。牵头单位：县投资促进局。',
    '（三）抓好既定事项落实。三季度末前完成。',
  ].join('\n');
  await signIn(page, 'admin');
  await page.goto('/plans');
  await page.getByLabel('粘贴计划文本').fill(text);
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });

  const summary = page.getByTestId('review-summary');
  const tasks = page.locator('[data-testid="plan-item"][data-kind="TASK"]');
  await expect(tasks).toHaveCount(3);
  await expect(summary.getByTestId('count-missing-lead')).toHaveText('1');
  await expect(summary.getByRole('button', { name: '发布 3 项任务' })).toBeDisabled();

  // Split the first task before its deadline sentence, then merge the halves back.
  const first = tasks.filter({ hasText: '全年实施重点项目200个以上' });
  await first.getByLabel('拆分位置').selectOption({ label: '「6月底前完成年度计划过半。牵头单…」之前' });
  await first.getByRole('button', { name: '拆分' }).click();
  await expect(first.getByText('已拆分')).toBeVisible();
  await expect(tasks).toHaveCount(4);
  await expect(tasks.nth(1)).toContainText('6月底前完成年度计划过半');
  await first.getByRole('button', { name: '合并下一项' }).click();
  await expect(first.getByText('已合并')).toBeVisible();
  await expect(tasks).toHaveCount(3);

  // Edit a target value; the saved value is what the page shows after a reload.
  await first.getByText(/量化指标 \d+/).click();
  const target = first.getByTestId('target-row').filter({ has: page.locator('input[value="200"]') });
  await target.getByLabel('目标值').fill('220');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByText('已保存')).toBeVisible();
  await page.reload();
  await first.getByText(/量化指标 \d+/).click();
  await expect(first.getByTestId('target-row').getByLabel('目标值').first()).toHaveValue('220');

  // Exclude the task without an owner; now the plan can be published.
  const orphan = tasks.filter({ hasText: '抓好既定事项落实' });
  await expect(orphan.getByText('待分配', { exact: true })).toBeVisible();
  await orphan.getByRole('button', { name: '排除' }).click();
  await expect(orphan.getByText('已排除', { exact: true }).first()).toBeVisible();
  await expect(summary.getByTestId('count-missing-lead')).toHaveText('0');
  await expect(summary.getByTestId('count-excluded')).toHaveText('1');
  await summary.getByTestId('past-deadlines').getByRole('checkbox').check();
  await summary.getByRole('button', { name: '发布 2 项任务' }).click();
  await expect(page).toHaveURL(/\/tasks\?planId=/, { timeout: 30_000 });
  const rows = page.getByTestId('task-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '全年实施重点项目200个以上' })).toContainText('发改局');
  await expect(rows.filter({ hasText: '抓好既定事项落实' })).toHaveCount(0);
});

test('leaders and unit users cannot open the import screen or a plan', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/plans');
  await page.getByTestId('plan-table').getByRole('link', { name: TITLE, exact: true }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  const planPath = new URL(page.url()).pathname;

  for (const username of ['leader', 'fgj_head', 'fgj_staff']) {
    await page.context().clearCookies();
    await signIn(page, username);
    for (const path of ['/plans', planPath]) {
      const response = await page.goto(path);
      expect(response?.status(), `${username} ${path}`).toBe(404);
      await expect(page.getByText(TITLE)).toHaveCount(0);
      await expect(page.getByRole('button', { name: '导入并解析' })).toHaveCount(0);
    }
  }
});
