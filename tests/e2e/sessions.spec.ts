// Sessions are checked on the server: a session cookie captured before signing out, replayed
// afterwards, gets nothing.
import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

test('a signed-out session cookie, replayed, is refused', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'fgj_staff');
  const cookies = await page.context().cookies();
  const session = cookies.filter((cookie) => cookie.name.includes('next-auth.session-token'));
  expect(session.length).toBeGreaterThan(0);
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: session.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') },
  });

  // While signed in, the captured cookie works.
  expect((await replay.get('/api/tasks/export', { maxRedirects: 0 })).status()).toBe(200);
  expect((await replay.get('/tasks', { maxRedirects: 0 })).status()).toBe(200);

  await signOut(page);

  const download = await replay.get('/api/tasks/export', { maxRedirects: 0 });
  expect(download.status()).toBe(401);
  const list = await replay.get('/tasks', { maxRedirects: 0 });
  expect(list.status()).toBe(307);
  expect(list.headers().location).toContain('/login');
  await replay.dispose();
});

test('a user who changes the password stays signed in here and is signed out elsewhere', async ({ browser }) => {
  const here = await browser.newPage();
  const elsewhere = await browser.newPage();
  await signIn(here, 'cgz_staff');
  await signIn(elsewhere, 'cgz_staff');

  await here.goto('/account');
  await expect(here.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
  // By name: a refusal shown inside a label changes that field's accessible name.
  const form = here.getByRole('form', { name: '修改密码' });
  await form.locator('input[name="currentPassword"]').fill('luoshi2024');
  await form.locator('input[name="newPassword"]').fill('cgz');
  await form.locator('input[name="confirmPassword"]').fill('cgz');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByRole('status')).toHaveText('密码至少 8 位');
  await expect(form.locator('input[name="currentPassword"]')).toHaveValue('luoshi2024');

  await form.locator('input[name="newPassword"]').fill('chengguan2025');
  await form.locator('input[name="confirmPassword"]').fill('chengguan2025');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByRole('status')).toHaveText('密码已修改，其他设备上的登录已退出');

  await here.goto('/tasks');
  await expect(here.getByTestId('current-user')).toBeVisible();
  await elsewhere.goto('/tasks');
  await expect(elsewhere).toHaveURL(/\/login/);
  await signIn(elsewhere, 'cgz_staff', 'chengguan2025');
  await here.close();
  await elsewhere.close();
});
