// Hostile and oversized input through the real server: body-size policy, security headers and
// CSP, open redirects after sign-in, Chinese error pages.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { createJourneyTask, e2eDb } from './fixtures';

const MB = 1024 * 1024;
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);

/** Every CSP violation Chromium reports on the page. */
function cspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

test('an oversized attachment is refused in Chinese before upload and the typed report stays; a 10 MB file goes through', async ({ page }) => {
  const task = await createJourneyTask('附件大小边界');
  await signIn(page, 'fgj_staff');
  await page.goto(`/tasks/${task.id}`);
  const form = page.getByRole('form', { name: '进度报送' });
  await form.getByLabel('工作进展').fill('已完成主体工程，附验收报告。');
  await form.getByLabel('完成百分比（%）').fill('40');

  let largePosts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && Number(request.headers()['content-length'] ?? 0) > MB) largePosts++;
  });
  await form.locator('input[type="file"][name="files"]').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: pdfOf(10 * MB + 1) });
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect(form.getByRole('status')).toHaveText('“验收报告.pdf”超过 10MB，未上传；已填写的内容仍保留');
  await expect(form.getByLabel('工作进展')).toHaveValue('已完成主体工程，附验收报告。');
  await expect(form.getByLabel('完成百分比（%）')).toHaveValue('40');
  expect(largePosts).toBe(0);

  // Exactly 10 MB, what the form promises, passes the proxy, the action and the data layer.
  await form.locator('input[type="file"][name="files"]').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: pdfOf(10 * MB) });
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect(page.getByRole('list', { name: '办理记录' }).getByRole('link', { name: /验收报告\.pdf/ })).toBeVisible({ timeout: 30_000 });
});

test('a body over the limit sent past the browser check gets a Chinese 413, not a 500', async ({ page }) => {
  await signIn(page, 'fgj_staff');
  const response = await page.request.post('/tasks', { headers: { 'content-type': 'application/octet-stream', 'next-action': 'x' }, data: Buffer.alloc(52 * MB) });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('提交的内容超过 51 MB');
});

test('security headers are on every kind of response', async ({ request, page }) => {
  const signedOut = {
    page: await request.get('/login'),
    redirect: await request.get('/tasks', { maxRedirects: 0 }),
    api401: await request.get('/api/tasks/export'),
    notFound: await request.get('/login/no-such-page'),
    authApi: await request.get('/api/auth/csrf'),
  };
  await signIn(page, 'admin');
  const signedIn = {
    home: await page.request.get('/'),
    notFoundSignedIn: await page.request.get('/no-such-page'),
    apiExport: await page.request.get('/api/tasks/export'),
  };
  const html = await (await request.get('/login')).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const staticFile = await request.get(script!);
  const all = { ...signedOut, ...signedIn, staticFile };
  expect(signedOut.redirect.status()).toBe(307);
  expect(signedOut.notFound.status()).toBe(404);
  expect(staticFile.status()).toBe(200);
  for (const [kind, response] of Object.entries(all)) {
    const headers = response.headers();
    expect.soft(headers['x-content-type-options'], kind).toBe('nosniff');
    expect.soft(headers['x-frame-options'], kind).toBe('DENY');
    expect.soft(headers['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
    expect.soft(headers['permissions-policy'], kind).toContain('camera=()');
    if (kind !== 'staticFile') expect.soft(headers['content-security-policy'], kind).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/);
    // Served over plain HTTP here: no HSTS.
    expect.soft(headers['strict-transport-security'], kind).toBeUndefined();
  }
});

test('the pages of every role run under the CSP without a violation', async ({ page }) => {
  const errors = cspErrors(page);
  await page.goto('/login');
  await signIn(page, 'admin');
  for (const path of ['/', '/tasks', '/plans', '/audit', '/no-such-page']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.context().clearCookies();
  await signIn(page, 'leader');
  await page.goto('/ranking');
  await page.waitForLoadState('networkidle');
  // The client-side app is live (hydrated): a client navigation works.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '单位排名' }).click();
  await expect(page).toHaveURL(/\/ranking/);
  expect(errors).toEqual([]);
});

for (const callbackUrl of ['//evil.example/phish', '/\\evil.example', 'https://evil.example/', '/\\/evil.example', 'javascript:alert(1)']) {
  test(`after sign-in, callbackUrl ${JSON.stringify(callbackUrl)} lands on the home page`, async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('账号').fill('fgj_staff');
    await page.getByLabel('密码').fill('luoshi2024');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  });
}

test('a same-origin callbackUrl is kept', async ({ page }) => {
  await page.goto('/tasks?status=OVERDUE');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel('账号').fill('fgj_staff');
  await page.getByLabel('密码').fill('luoshi2024');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/tasks\?status=OVERDUE$/);
});

test('a page that does not exist says so in Chinese', async ({ page }) => {
  await signIn(page, 'admin');
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('This page could not be found');
});

test('a spoofed X-Forwarded-For is ignored without a trusted proxy: sign-in attempts and audit rows get the socket address', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '6.6.6.6' } });
  const page = await context.newPage();
  await signIn(page, 'yljd_staff');
  const attempt = await e2eDb().loginAttempt.findFirstOrThrow({ where: { username: 'yljd_staff', success: true }, orderBy: { createdAt: 'desc' } });
  expect(attempt.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  const session = await e2eDb().userSession.findFirstOrThrow({ where: { user: { username: 'yljd_staff' } }, orderBy: { createdAt: 'desc' } });
  expect(session.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  await context.close();
});
