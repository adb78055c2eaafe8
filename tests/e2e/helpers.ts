import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'luoshi2024';

/**
 * Signs the page in as its sign-in form does (next-auth's credentials callback, a session of its own),
 * without rendering the form, and opens the home page. Tests of the form itself use signInWithForm.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, username, password, json: 'true' } });
  expect(response.ok(), `signing in as ${username}`).toBe(true);
  expect(((await response.json()) as { url: string }).url, `signing in as ${username}`).not.toContain('error=');
  await page.goto('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function signInWithForm(page: Page, username: string, password = DEMO_PASSWORD) {
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
