// The office's account actions on a user's page: a reset (one-time password shown once, the user
// signed out everywhere and made to change it) and an unlock after failed sign-ins.
import { expect, test } from '@playwright/test';
import { e2eDb } from './fixtures';
import { signIn } from './helpers';

async function userPage(username: string) {
  const { id } = await e2eDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return `/admin/users/${id}`;
}

test('a reset shows a one-time password once, signs the user out, and forces a change', async ({ page, browser }) => {
  const user = await browser.newPage();
  await signIn(user, 'wlj_staff');

  await signIn(page, 'admin');
  await page.goto(await userPage('wlj_staff'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('密码已重置，该用户的登录已全部退出')).toBeVisible();
  const oneTimePassword = (await page.getByTestId('one-time-password').locator('code').textContent())!;
  expect(oneTimePassword).toMatch(/^[a-zA-Z\d]{12}$/);
  // Shown once: not on the page when it is opened again.
  await page.reload();
  await expect(page.getByTestId('one-time-password')).toHaveCount(0);
  await expect(page.getByText('下次登录须修改密码')).toBeVisible();

  // The user's open session ended; the old password no longer works; the one-time one must be changed.
  await user.goto('/tasks');
  await expect(user).toHaveURL(/\/login/);
  await user.getByLabel('账号').fill('wlj_staff');
  await user.getByLabel('密码').fill('luoshi2024');
  await user.getByRole('button', { name: '登录' }).click();
  await expect(user.getByTestId('login-error')).toHaveText('账号或密码错误');
  await user.getByLabel('密码').fill(oneTimePassword);
  await user.getByRole('button', { name: '登录' }).click();
  await expect(user).toHaveURL(/\/account\/password$/);
  const form = user.getByRole('form', { name: '修改密码' });
  await form.locator('input[name="currentPassword"]').fill(oneTimePassword);
  await form.locator('input[name="newPassword"]').fill('wenlv-2025');
  await form.locator('input[name="confirmPassword"]').fill('wenlv-2025');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(user.getByTestId('current-user')).toBeVisible();
  await user.close();
});

test('the office unlocks an account locked by failed sign-ins', async ({ page, browser }) => {
  const user = await browser.newPage();
  await user.goto('/login');
  for (let attempt = 0; attempt < 5; attempt++) {
    await user.getByLabel('账号').fill('wlj_head');
    await user.getByLabel('密码').fill('wrong-password1');
    await user.getByRole('button', { name: '登录' }).click();
    await expect(user.getByTestId('login-error')).toHaveText('账号或密码错误');
  }
  await user.getByLabel('密码').fill('luoshi2024');
  await user.getByRole('button', { name: '登录' }).click();
  await expect(user.getByTestId('login-error')).toContainText('锁定');

  await signIn(page, 'admin');
  await page.goto(await userPage('wlj_head'));
  await page.getByRole('button', { name: '解除锁定' }).click();
  await expect(page.getByText('已解除锁定')).toBeVisible();

  await signIn(user, 'wlj_head');
  await user.close();
});
