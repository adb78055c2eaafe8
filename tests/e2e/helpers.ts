import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'luoshi2024';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The real-installation project's first administrator (playwright.config.ts passes these to `npm run setup`'s script). */
export const REAL_INSTALL = { countyName: '青山县', adminUsername: 'duchashi', adminPassword: 'Kaiju-2025-first' } as const;
