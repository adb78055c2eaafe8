// The office issues an integration token in the browser; a system files a report with it over
// /api/v1; the report shows on the task page and the audit page names the token.
import { expect, test } from '@playwright/test';
import { createJourneyTask } from './fixtures';
import { signIn } from './helpers';

test('an integration token issued by the office files a report through the API, seen on the task page and in the audit', async ({ page, request }) => {
  const task = await createJourneyTask(`接口报送任务-${Date.now()}`);
  const tokenName = `项目调度平台-${Date.now()}`;
  await signIn(page, 'admin');
  await page.goto('/admin/api-tokens');
  const form = page.getByRole('form', { name: '签发集成令牌' });
  await form.getByLabel('名称').fill(tokenName);
  await form.getByLabel('代表（单位或全县）').selectOption({ label: (await form.locator('option', { hasText: 'fgj_staff' }).textContent())! });
  await form.getByLabel('权限范围').selectOption('REPORT');
  await form.getByRole('button', { name: '签发令牌' }).click();
  const secret = (await page.getByTestId('api-token-secret').locator('code').textContent())!;
  expect(secret).toMatch(/^lst_/);
  await expect(page.getByRole('cell', { name: tokenName })).toBeVisible();

  const headers = { Authorization: `Bearer ${secret}` };
  const read = await request.get(`/api/v1/tasks/${task.id}`, { headers });
  expect(read.status()).toBe(200);
  const { version } = await read.json();
  const filed = await request.post(`/api/v1/tasks/${task.id}/reports`, { headers, data: { version, narrative: '经接口报送：已完成前期手续。', percent: 30 } });
  expect(filed.status()).toBe(201);

  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByRole('list', { name: '办理记录' }).getByText('经接口报送：已完成前期手续。')).toBeVisible();
  await page.goto('/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: `经集成令牌「${tokenName}」` }).first()).toBeVisible();
});
