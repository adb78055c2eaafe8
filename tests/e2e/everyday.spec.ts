// Everyday use (issue 16): what a new user hit in the browser, each defect checked so it would
// fail before its fix, plus the phone layout, bulk review and evidence preview. One signed-in page
// per role, reused across the steps, to keep the suite fast.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { createTaskFixtures, e2eDb, shanghaiIsoDay, uniqueTag, unitIdByCode } from './fixtures';

// The steps share signed-in pages but not state: a failure does not skip the rest.
test.describe.configure({ mode: 'default' });

// A 1×1 PNG: an image attachment to preview.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const PHONE = { width: 390, height: 844 };

let tag: string;
let evidenceTask: { id: string };
let bulkTasks: { id: string; code: string }[];

/** Serious and critical WCAG 2 A/AA violations on each page, as "path: rule (n)". */
async function axeViolations(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        found.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  }
  return found;
}

async function signedInPage(browser: Browser, username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test.beforeAll(async () => {
  tag = uniqueTag('日常');
  const common = { leadUnit: 'fgj', leaders: ['leader'], startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(60), targets: ['全年建设项目200个以上'] };
  const [evidence, ...bulk] = await createTaskFixtures([
    { ...common, title: `${tag}证据任务`, report: { percent: 40, narrative: '已完成前期手续', attachment: { name: '现场照片.png', base64: PNG_BASE64 } } },
    ...[1, 2, 3].map((n) => ({ ...common, title: `${tag}批量任务${n}`, report: { percent: 10 * n, narrative: `第${n}项进展` } })),
  ]);
  evidenceTask = evidence!;
  bulkTasks = bulk;
});

test.describe('the office', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await signedInPage(browser, 'admin');
  });
  test.afterAll(async () => page.context().close());

  test('every page has a favicon', async () => {
    const icon = await page.request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\//);
  });

  test('a task with progress fills its bar; one report is one timeline entry; its image previews inline', async () => {
    await page.goto(`/tasks/${evidenceTask.id}`);
    const actual = page.getByRole('progressbar', { name: '实际进度' });
    await expect(actual).toHaveAttribute('aria-valuenow', '40');
    const fillWidth = await actual.locator('span').evaluate((fill) => fill.getBoundingClientRect().width);
    expect(fillWidth).toBeGreaterThan(0);

    const timeline = page.getByRole('list', { name: '办理记录' });
    const report = timeline.locator(':scope > li[data-kind="report"]');
    await expect(report).toHaveCount(1);
    // The report's own attachment list is inside its entry, not a timeline entry of its own.
    const nested = report.getByRole('list', { name: '附件' }).locator('li').first();
    expect(await nested.evaluate((li) => getComputedStyle(li, '::before').content)).toBe('none');
    expect(await nested.evaluate((li) => getComputedStyle(li).borderLeftWidth)).toBe('0px');

    const image = report.getByRole('img', { name: '现场照片.png' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expect(report.getByRole('link', { name: /下载.*现场照片\.png/ })).toBeVisible();
    await expect(report).toContainText('PNG 图片');
    // Served for the preview: shown, framable by this site only (the PDF viewer is a frame).
    const preview = await page.request.get((await image.getAttribute('src'))!);
    expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers()['x-frame-options']).toBe('SAMEORIGIN');
    expect(preview.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    const download = await page.request.get((await report.getByRole('link', { name: /下载/ }).getAttribute('href'))!);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers()['x-frame-options']).toBe('DENY');
  });

  test('a 3,000-character search is held to the limit with a message, not answered with HTTP 431', async () => {
    await page.goto('/tasks');
    const search = page.getByRole('searchbox');
    await search.fill('长'.repeat(3000));
    expect((await search.inputValue()).length).toBe(100);
    await expect(page.getByText('最多 100 字，超出部分未输入')).toBeVisible();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/tasks?')), search.press('Enter')]);
    expect(response.status()).toBe(200);
  });

  test('the office accepts three reports at once; each gets its audit row', async () => {
    await page.goto('/reports');
    const ids = await e2eDb().progressReport.findMany({ where: { taskId: { in: bulkTasks.map((t) => t.id) } }, select: { id: true } });
    expect(ids).toHaveLength(3);
    const form = page.getByRole('form', { name: '批量审核' });
    // Returning needs a reason: said once, not twice.
    await form.locator(`tr[data-report="${ids[0]!.id}"] input[type=checkbox]`).check();
    await form.getByRole('button', { name: '退回所选' }).click();
    await expect(form.getByText('请填写退回理由')).toHaveCount(1);
    for (const { id } of ids.slice(1)) await form.locator(`tr[data-report="${id}"] input[type=checkbox]`).check();
    await form.getByRole('button', { name: '通过所选' }).click();
    await expect(form.getByRole('status')).toHaveText('已通过 3 项');
    await expect(page.locator(`tr[data-report="${ids[0]!.id}"]`)).toHaveCount(0);
    const reviewed = await e2eDb().progressReport.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { reviewState: true } });
    expect(reviewed.map((r) => r.reviewState)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    expect(await e2eDb().auditEvent.count({ where: { action: 'report.accept', entityId: { in: ids.map((r) => r.id) } } })).toBe(3);
  });

  test('an out-of-date draft letter opens without a console error, numbered once 一、', async () => {
    const year = 2023;
    const unitId = await unitIdByCode('jyj');
    const jyjTask = (title: string, target: string) => ({ title: `${tag}${title}`, leadUnit: 'jyj', startDate: `${year}-01-01`, deadline: `${year}-12-31`, targets: [target] });
    await createTaskFixtures([jyjTask('承诺任务', '新建幼儿园3所')]);
    await page.goto(`/commitments?year=${year}`);
    await page.getByTestId('commitment-tracking').locator('tr[data-unit="jyj"]').getByRole('button', { name: '生成草稿' }).click();
    await expect(page.getByTestId('commitment-tracking').locator('tr[data-unit="jyj"] [data-state]')).toHaveText('草拟中');
    await createTaskFixtures([jyjTask('承诺后新增任务', '新建学校2所')]);

    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/commitments/${unitId}/${year}`);
    await expect(page.getByRole('heading', { name: '草稿生成后任务有变化' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);

    const numbered = await page.locator('.letter-body').locator('p, caption').allTextContents();
    expect(numbered.filter((text) => text.startsWith('一、'))).toHaveLength(1);
    await expect(page.locator('.letter-body caption').first()).toHaveText('（一）牵头任务');
  });

  test('axe: the office’s main pages have no serious or critical violations', async () => {
    test.setTimeout(180_000);
    const pages = ['/', '/tasks', `/tasks/${evidenceTask.id}`, '/reports', '/plans', '/commitments', '/bulletins', '/ranking', '/audit', '/admin/users', '/verify', '/account'];
    expect(await axeViolations(page, pages)).toEqual([]);
  });
});

test('axe: the sign-in page and a leader’s pages have no serious or critical violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const signedOut = await (await browser.newContext()).newPage();
  expect(await axeViolations(signedOut, ['/login'])).toEqual([]);
  await signedOut.context().close();
  const page = await signedInPage(browser, 'leader');
  expect(await axeViolations(page, ['/', '/tasks', `/tasks/${evidenceTask.id}`, '/ranking', '/commitments'])).toEqual([]);
  await page.context().close();
});

test.describe('a unit head on a phone', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await signedInPage(browser, 'fgj_head', PHONE);
  });
  test.afterAll(async () => page.context().close());

  test('the menu reaches every item, 承诺书 among them and 退出 at its end', async () => {
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '承诺书' })).toBeHidden();
    await page.getByRole('button', { name: '菜单' }).click();
    await expect(nav.getByRole('link', { name: '承诺书' })).toBeVisible();
    // The open menu is a full-width list under the bar, not squeezed beside it.
    expect((await nav.boundingBox())!.width).toBeGreaterThan(PHONE.width - 40);
    const signOut = nav.getByRole('button', { name: '退出' });
    await expect(signOut).toBeVisible();
    const lastItem = await nav.evaluate((element) => element.lastElementChild?.textContent?.trim());
    expect(lastItem).toBe('退出');
    await nav.getByRole('link', { name: '任务' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(nav.getByRole('link', { name: '承诺书' })).toBeHidden();
  });

  test('the ledger shows cards that fit the screen', async () => {
    await page.goto('/tasks');
    const table = page.getByTestId('task-table');
    await expect(table.locator('thead')).toBeHidden();
    const width = await table.evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const card = table.locator('tbody tr').first();
    await expect(card.locator('td[data-col="title"] a')).toBeVisible();
    await expect(card.locator('td[data-col="deadline"]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  test('axe: the unit’s pages on a phone have no serious or critical violations', async () => {
    test.setTimeout(120_000);
    expect(await axeViolations(page, ['/', '/tasks', `/tasks/${evidenceTask.id}`, '/commitments', '/notifications'])).toEqual([]);
  });

  test('a refused report says why once, not twice', async () => {
    await page.goto(`/tasks/${evidenceTask.id}`);
    const form = page.getByRole('form', { name: '进度报送' });
    await form.getByRole('button', { name: '提交报告' }).click();
    await expect(form.getByText('请填写工作进展')).toHaveCount(1);
  });
});
