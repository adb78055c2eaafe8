import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';
import { createJourneyTask, createTaskFixtures, e2eDb, shanghaiIsoDay, uniqueTag } from './fixtures';

async function unreadCount(username: string) {
  const user = await e2eDb().user.findUniqueOrThrow({ where: { username } });
  return e2eDb().notification.count({ where: { userId: user.id, read: false } });
}

test('a leader writes a 批示 on an overdue task from the overdue view in two clicks; the lead unit sees it', async ({ page }) => {
  const title = uniqueTag('逾期未完成的重点任务');
  // Long overdue, so it heads the overdue view (earliest deadline first). 财政局 is 分管 by leader.
  await createTaskFixtures([{ title, leadUnit: 'czj', startDate: shanghaiIsoDay(-4000), deadline: shanghaiIsoDay(-3990) }]);
  const instruction = `请财政局${uniqueTag('')}本周内拿出整改方案`;

  await signIn(page, 'leader');
  await expect(page.getByRole('heading', { level: 1, name: '领导驾驶舱' })).toBeVisible();
  await page.getByRole('link', { name: '仅逾期' }).click();
  await expect(page).toHaveURL(/focus=overdue/);
  const row = page.getByTestId('urgent-task').filter({ hasText: title });
  await expect(row).toContainText('逾期');
  await expect(row.locator('[data-light="red"]')).toBeVisible();

  await row.getByRole('button', { name: `批示：${title}` }).click(); // click 1
  await row.getByLabel('批示内容').fill(instruction);
  await row.getByRole('button', { name: '发送批示' }).click(); // click 2
  await expect(row.getByText('批示已发送')).toBeVisible();
  await signOut(page);

  const expectedUnread = await unreadCount('czj_staff');
  expect(expectedUnread).toBeGreaterThan(0);
  await signIn(page, 'czj_staff');
  await expect(page.getByTestId('unread-count')).toHaveText(String(expectedUnread));
  await page.getByTestId('bell').click();
  await expect(page).toHaveURL(/\/notifications/);
  const notice = page.getByTestId('notification').filter({ hasText: `【批示】${title}` });
  await expect(notice).toContainText(instruction);
  await notice.getByRole('button', { name: new RegExp(title) }).click();

  await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
  const banner = page.getByTestId('instructions');
  await expect(banner).toContainText('张建华（常务副县长）批示：');
  await expect(banner).toContainText(instruction);
  // Opening the notification marked it read; the badge disappears when none is left.
  if (expectedUnread > 1) await expect(page.getByTestId('unread-count')).toHaveText(String(expectedUnread - 1));
  else await expect(page.getByTestId('unread-count')).toHaveCount(0);
});

test('the unit home is readable on a phone: no sideways scrolling at 390px', async ({ page }) => {
  const title = uniqueTag('本周到期的手机任务');
  await createTaskFixtures([{ title, leadUnit: 'gxj', startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(0) }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'gxj_staff');
  await expect(page.getByRole('heading', { level: 1, name: '本单位任务' })).toBeVisible();
  await expect(page.getByRole('region', { name: '本周到期' })).toContainText(title);
  await expect(page.getByRole('region', { name: '本单位在办任务' })).toContainText(title);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('bulletins and rankings are not for unit users, and the download needs the office', async ({ page, request }) => {
  const anonymous = await request.get('/api/bulletins/2024-01', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);

  await signIn(page, 'fgj_head');
  const asUnit = await page.request.get('/api/bulletins/2024-01');
  expect(asUnit.status()).toBe(404);
  expect(await asUnit.text()).not.toContain('排名');
  for (const path of ['/bulletins', '/ranking']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await signOut(page);

  await signIn(page, 'admin');
  const download = await page.request.get('/api/bulletins/2024-01');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('spreadsheetml');
  expect((await download.body()).subarray(0, 2).toString()).toBe('PK'); // a zip: .xlsx
});

test('the office previews and issues a monthly 通报, and a unit reads it from its notification', async ({ page }) => {
  const title = uniqueTag('通报逾期任务');
  await createTaskFixtures([{ title, leadUnit: 'jtysj', startDate: shanghaiIsoDay(-60), deadline: shanghaiIsoDay(-20) }]);
  const period = shanghaiIsoDay(0).slice(0, 7);
  await signIn(page, 'admin');
  await page.goto(`/bulletins?period=${period}`);
  await expect(page.getByRole('article', { name: '通报' })).toContainText('（预览，尚未印发）');
  await expect(page.getByTestId('bulletin-overdue-row').filter({ hasText: title })).toContainText('交通运输局');
  await page.getByRole('button', { name: /^印发.*通报$/ }).click();
  await expect(page).toHaveURL(/\/bulletins\/[^/?]+$/);
  await expect(page.getByRole('article', { name: '通报' })).toContainText('王志强印发于');
  await signOut(page);

  await signIn(page, 'jtysj_staff');
  await page.goto('/notifications?unread=1');
  await page.getByTestId('notification').filter({ hasText: '【通报】' }).first().getByRole('button', { name: /通报/ }).click();
  await expect(page).toHaveURL(/\/bulletins\/[^/?]+$/);
  await expect(page.getByTestId('bulletin-overdue-row').filter({ hasText: title })).toBeVisible();
});

test('the office sends a 督办 from the task page; the lead unit answers it there, a co-unit cannot', async ({ page }) => {
  const task = await createJourneyTask(uniqueTag('督办答复任务'));
  const notice = `请于三日内说明进展${uniqueTag('')}`;
  await signIn(page, 'admin');
  await page.goto(`/tasks/${task.id}`);
  const panel = page.getByRole('region', { name: '督办' });
  await panel.getByLabel('类型').selectOption('SUPERVISE');
  await panel.getByLabel('内容').fill(notice);
  await panel.getByLabel('答复期限').fill(shanghaiIsoDay(3));
  await panel.getByRole('button', { name: '发送督办' }).click();
  await expect(panel.getByText('已发出督办')).toBeVisible();
  await expect(panel.getByTestId('supervision-entry').filter({ hasText: notice })).toContainText(`答复期限：${shanghaiIsoDay(3)}`);
  await signOut(page);

  await signIn(page, 'czj_staff'); // co-unit: reads it, may not answer
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByTestId('supervision-entry').filter({ hasText: notice })).toBeVisible();
  await expect(page.getByRole('form', { name: '答复督办' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'fgj_staff');
  await page.goto(`/tasks/${task.id}`);
  const entry = page.getByTestId('supervision-entry').filter({ hasText: notice });
  await entry.getByLabel('答复内容').fill('已完成前期手续，本周开工');
  await entry.getByRole('button', { name: '提交答复' }).click();
  await expect(entry).toContainText('已完成前期手续，本周开工');
  await page.reload();
  await expect(page.getByTestId('supervision-entry').filter({ hasText: notice })).toContainText('答复（杨小雨');
  await expect(page.getByRole('form', { name: '答复督办' })).toHaveCount(0);
});
