// Hostile and oversized input through the real server: body-size policy, security headers and
// CSP, open redirects after sign-in, Chinese error pages.
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
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

test('a CR/LF in an uploaded file name, as the browser sends it and raw, gives a clean result and a sanitised stored name', async ({ page }) => {
  const task = await createJourneyTask('文件名换行');
  await signIn(page, 'fgj_staff');
  await page.goto(`/tasks/${task.id}`);
  const form = page.getByRole('form', { name: '进度报送' });
  const fileInput = form.locator('input[type="file"][name="files"]');
  const file = (name: string) => ({ name, mimeType: 'application/pdf', buffer: pdfOf(1024) });
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST') statuses.push(response.status());
  });

  // As Chromium sends it: the browser escapes CR and LF in the multipart header (%0D%0A).
  await form.getByLabel('工作进展').fill('附现场照片说明。');
  await form.getByLabel('完成百分比（%）').fill('30');
  await fileInput.setInputFiles(file('现场\r\n说明.pdf'));
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect(form.getByRole('status')).toHaveText('进度已报送');

  // Stored under a name without control characters; its download header is clean.
  const reports = await e2eDb().progressReport.findMany({ where: { taskId: task.id }, select: { attachments: true } });
  expect(reports.flatMap((report) => (report.attachments as { name: string }[]).map((attachment) => attachment.name))).toEqual(['现场%0D%0A说明.pdf']);
  const link = page.getByRole('list', { name: '办理记录' }).getByRole('link', { name: /说明\.pdf/ });
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).not.toMatch(/[\r\n]/);

  // Raw, as a hand-made client could send it: the escapes turned back into CR and LF bytes. The
  // proxy answers in Chinese before Next's parser could fail on it (it threw: a 500).
  let raw: { status: number; text: string } | null = null;
  await page.route(`**/tasks/${task.id}`, async (route) => {
    const body = route.request().postDataBuffer();
    if (route.request().method() !== 'POST' || !body) return route.continue();
    const response = await route.fetch({ postData: Buffer.from(body.toString('latin1').replace('%0D%0A', '\r\n'), 'latin1') });
    raw = { status: response.status(), text: await response.text() };
    await route.fulfill({ response });
  });
  await form.getByLabel('工作进展').fill('再附一份。');
  await form.getByLabel('完成百分比（%）').fill('35');
  await fileInput.setInputFiles(file('第二\r\n份.pdf'));
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect.poll(() => raw).toEqual({ status: 400, text: '上传内容格式无效（文件名中不能含有换行等控制字符），请重命名文件后重试' });
  await page.unroute(`**/tasks/${task.id}`);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(await e2eDb().progressReport.count({ where: { taskId: task.id } })).toBe(1);
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
  // Each request has an id, in the response and the logs.
  expect(signedIn.home.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
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

test('before its script runs, the sign-in form cannot send the password in the address', async ({ browser, baseURL }) => {
  // Without JavaScript the page is what a slow phone shows before hydration: the browser would
  // submit the form itself. The button waits for the script, and the form posts.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await page.getByLabel('账号').fill('fgj_staff');
    await page.getByLabel('密码').fill('luoshi2024');
    await expect(page.getByRole('button', { name: '登录' })).toBeDisabled();
    await page.getByLabel('密码').press('Enter');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('form', { name: '登录' })).toHaveAttribute('method', 'post');
  } finally {
    await context.close();
  }
});

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

/** A .docx whose document.xml repeats `paragraph` `times` times. */
async function docx(paragraphs: string[], times = 1): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('').repeat(times);
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

test('a .docx plan imports through the capped worker; a zip bomb is refused in Chinese and the server stays up', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/plans');
  const bomb = await docx(['（一）全年实施重点项目200个以上，完成投资40亿元。牵头单位：县发改局。'], 1_000_000);
  await page.getByLabel('或上传文件').setInputFiles({ name: '炸弹.docx', mimeType: 'application/octet-stream', buffer: bomb });
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page.getByText('文件解压后超过 64 MB 或包含过多条目，已拒绝，未导入任何内容').first()).toBeVisible({ timeout: 60_000 });

  const plan = await docx(['示范县2024年防汛工作要点（浏览器导入）', '一、压实责任', '（一）6月底前完成全县水库安全检查。牵头单位：县水利局。']);
  await page.getByLabel('或上传文件').setInputFiles({ name: '防汛要点.docx', mimeType: 'application/octet-stream', buffer: plan });
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByText('6月底前完成全县水库安全检查').first()).toBeVisible();
});
