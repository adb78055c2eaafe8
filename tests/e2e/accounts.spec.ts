// The office's account actions on a user's page: a reset (one-time password shown once, the user
// signed out everywhere and made to change it) and an unlock after failed sign-ins; a leader's own
// second factor (TOTP).
import { expect, test } from '@playwright/test';
import { generateSync } from 'otplib';
import { e2eDb } from './fixtures';
import { DEMO_PASSWORD, signIn, signOut } from './helpers';

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
    // The last attempts also count down (还可尝试 N 次).
    await expect(user.getByTestId('login-error')).toContainText('账号或密码错误');
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

test('a leader enrols a second factor, signs out, and signs in with a code from the authenticator', async ({ page }) => {
  const username = 'leader3';
  try {
    await signIn(page, username);
    await page.goto('/account');
    await page.getByRole('button', { name: '启用两步验证' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await expect(page.getByTestId('totp-uri')).toHaveAttribute('href', new RegExp(`^otpauth://totp/.+secret=${secret}`));
    const at = (offsetSeconds: number) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
    await page.getByLabel('验证器显示的验证码').fill(at(0));
    await page.getByRole('button', { name: '确认启用' }).click();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

    await signOut(page);
    await page.getByLabel('账号').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('请输入动态验证码（或一枚恢复码）');
    // The confirming code was used once; the next period's code is accepted (one step of drift).
    await page.getByLabel('动态验证码').fill(at(30));
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible();
  } finally {
    await e2eDb().user.update({
      where: { username },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] },
    });
  }
});
