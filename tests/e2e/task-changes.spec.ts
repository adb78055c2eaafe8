// The office corrects published tasks: reassigns one to another lead unit with a reason, cancels another.
import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';
import { createJourneyTask, e2eDb } from './fixtures';

test('the office moves a task to another lead unit with a reason; the old unit loses it, the new one is told and sees it', async ({ page }) => {
  const task = await createJourneyTask(`改派任务-${Date.now()}`);
  await signIn(page, 'admin');
  await page.goto(`/tasks/${task.id}`);
  await page.getByRole('link', { name: '修改 / 拆分 / 撤销' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改任务' })).toBeVisible();

  const form = page.getByRole('form', { name: '修改任务' });
  await form.getByLabel('牵头单位').selectOption({ label: '教育局' });
  // The co-unit picker: search narrows the list, a chip removes a choice.
  await form.getByLabel('搜索配合单位').fill('统计');
  await form.getByRole('group', { name: '配合单位' }).getByLabel('统计局').check();
  await expect(form.getByRole('button', { name: '统计局 ×' })).toBeVisible();

  // Without a reason the browser refuses; with one the server accepts and shows the task.
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await form.getByLabel(/修改理由/).fill('职责调整，改由教育局牵头');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  await expect(page.getByRole('region', { name: '任务信息' })).toContainText('县教育局');
  await expect(page.getByRole('region', { name: '任务信息' })).toContainText('统计局');
  await signOut(page);

  // 发改局 no longer finds it; 教育局 has a 交办 notice and opens it.
  await signIn(page, 'fgj_staff');
  const refused = await page.goto(`/tasks/${task.id}`);
  expect(refused?.status()).toBe(404);
  await signOut(page);
  await signIn(page, 'jyj_staff');
  await page.goto('/notifications');
  await page.getByRole('button', { name: new RegExp(`交办任务：${task.code}`) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: task.title })).toBeVisible();

  const [event] = await e2eDb().auditEvent.findMany({ where: { entityId: task.id, action: 'task.update' } });
  expect(event?.after).toMatchObject({ reason: '职责调整，改由教育局牵头' });
});

test('the office cancels a task with a reason; it stays readable as 已撤销 and leaves the default ledger', async ({ page }) => {
  const task = await createJourneyTask(`撤销任务-${Date.now()}`);
  await signIn(page, 'admin');
  await page.goto(`/tasks/${task.id}/edit`);
  const form = page.getByRole('form', { name: '撤销任务' });
  await form.getByLabel('撤销理由').fill('上级已取消该项工作');
  await form.getByRole('button', { name: '撤销任务' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  await expect(page.getByTestId('task-badges')).toContainText('已撤销');
  await expect(page.getByRole('region', { name: '撤销说明' })).toContainText('上级已取消该项工作');
  // The office may no longer change it, and the page has no workflow forms left.
  await expect(page.getByRole('link', { name: /修改/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '办理', exact: true })).toHaveCount(0);

  await page.goto(`/tasks?q=${encodeURIComponent(task.title)}`);
  await expect(page.getByRole('link', { name: task.title })).toHaveCount(0);
  await page.goto(`/tasks?q=${encodeURIComponent(task.title)}&status=CANCELLED`);
  await expect(page.getByRole('link', { name: task.title })).toBeVisible();
});

test('on a phone the edit page fits the screen and the co-unit picker is a searchable checklist', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const task = await createJourneyTask(`手机端修改-${Date.now()}`);
  await signIn(page, 'admin');
  await page.goto(`/tasks/${task.id}/edit`);
  const form = page.getByRole('form', { name: '修改任务' });
  await form.getByLabel('搜索配合单位').fill('教育');
  const picker = form.getByRole('group', { name: '配合单位' });
  await expect(picker.getByRole('checkbox')).toHaveCount(1);
  await picker.getByLabel('教育局').check();
  // The existing co-unit (财政局) stays chosen while filtered out of view.
  await expect(form.getByRole('button', { name: '财政局 ×' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
