import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { createTaskFixtures, e2eDb, shanghaiIsoDay, uniqueTag, unitIdByCode } from './fixtures';

const LEDGER_HEADER = ['序号', '编号', '重点任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '目标', '进展情况', '状态'];

async function readLedger(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('任务台账')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(LEDGER_HEADER.map((_, i) => String(row.getCell(i + 1).value ?? ''))));
  return { title: rows[0]![0]!, header: rows[1]!, rows: rows.slice(2) };
}

async function ledgerOf(response: APIResponse) {
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('spreadsheetml');
  return readLedger(await response.body());
}

function taskRows(page: Page) {
  return page.getByTestId('task-table').locator('tbody tr[data-task-code]');
}

test('admin filters by unit and colour, the filters stay in the URL, pages, sorts and exports the ledger', async ({ page }) => {
  const tag = uniqueTag('台账');
  // 25 red tasks of 招商局 (past their deadline), 3 green ones of 招商局, 2 red ones of 水利局.
  await createTaskFixtures([
    ...Array.from({ length: 25 }, (_, i) => ({
      title: `${tag}红${String(i + 1).padStart(2, '0')}`,
      leadUnit: 'tcj',
      coUnits: ['czj'],
      leaders: ['leader'],
      startDate: shanghaiIsoDay(-200),
      deadline: shanghaiIsoDay(-30 + i),
      status: 'IN_PROGRESS' as const,
      targets: [`招商引资${i + 1}亿元`],
    })),
    ...[1, 2, 3].map((i) => ({
      title: `${tag}绿${i}`,
      leadUnit: 'tcj',
      startDate: shanghaiIsoDay(-10),
      deadline: shanghaiIsoDay(100),
      report: { percent: 100, narrative: '已全部完成' },
    })),
    ...[1, 2].map((i) => ({ title: `${tag}水${i}`, leadUnit: 'slj', startDate: shanghaiIsoDay(-200), deadline: shanghaiIsoDay(-5) })),
  ]);
  const tcjId = await unitIdByCode('tcj');

  await signIn(page, 'admin');
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { level: 1, name: '任务台账' })).toBeVisible();
  await expect(page.getByRole('link', { name: '新建任务' })).toBeVisible();

  const filters = page.getByRole('form', { name: '筛选任务' });
  await filters.getByLabel('搜索').fill(tag);
  await filters.getByLabel('单位（牵头或配合）').selectOption({ label: '招商局' });
  await filters.getByLabel('三色').selectOption({ label: '红灯' });
  await filters.getByRole('button', { name: '筛选' }).click();

  await expect(page).toHaveURL((url) => url.searchParams.get('unitId') === tcjId && url.searchParams.get('light') === 'red' && url.searchParams.get('q') === tag);
  await expect(page.getByTestId('task-total')).toHaveText('共 25 条 · 第 1 / 2 页');
  await expect(taskRows(page)).toHaveCount(20);
  // Sorted by deadline: the earliest first.
  await expect(taskRows(page).first()).toContainText(`${tag}红01`);
  for (const row of await taskRows(page).all()) {
    await expect(row.locator('[data-light]')).toHaveAttribute('data-light', 'red');
    await expect(row).toContainText('招商局');
  }

  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('light') === 'red');
  await expect(page.getByTestId('task-total')).toHaveText('共 25 条 · 第 2 / 2 页');
  await expect(taskRows(page)).toHaveCount(5);
  await expect(taskRows(page).last()).toContainText(`${tag}红25`);
  // The form still shows the URL's filters.
  await expect(filters.getByLabel('三色')).toHaveValue('red');
  await expect(filters.getByLabel('搜索')).toHaveValue(tag);

  // Sorting by a header: descending deadline puts the latest first, and goes back to page 1.
  await page.getByRole('button', { name: '完成时限' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('dir') === 'desc' && !url.searchParams.has('page'));
  await expect(page.getByRole('columnheader', { name: '完成时限' })).toHaveAttribute('aria-sort', 'descending');
  await expect(taskRows(page).first()).toContainText(`${tag}红25`);

  // 导出台账 carries the same filters and sort: all 25 rows, not just the page.
  const exportLink = page.getByRole('link', { name: '导出台账' });
  await expect(exportLink).toHaveAttribute('href', /light=red/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  // The file name keeps the filters: the search, the unit and the colour.
  expect(download.suggestedFilename()).toMatch(new RegExp(`^任务台账-搜索${tag}-招商局-红灯-\\d{8}\\.xlsx$`));
  const ledger = await readLedger(readFileSync(await download.path()));
  expect(ledger.title).toMatch(/重点任务台账（导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
  expect(ledger.header).toEqual(LEDGER_HEADER);
  expect(ledger.rows).toHaveLength(25);
  expect(ledger.rows[0]).toEqual(['1', expect.stringMatching(/^\d{4}-/), `${tag}红25`, '张建华', '县投资促进局', '县财政局', expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/), '招商引资25亿元（不低于25）', '暂未报送', '办理中（红灯）']);
  expect(ledger.rows.map((row) => row[2])).toEqual(Array.from({ length: 25 }, (_, i) => `${tag}红${String(25 - i).padStart(2, '0')}`));

  // Green filter on the same unit shows only the three green tasks.
  await page.goto(`/tasks?q=${tag}&unitId=${tcjId}&light=green`);
  await expect(page.getByTestId('task-total')).toHaveText('共 3 条 · 第 1 / 1 页');
});

test('a unit user gets no other unit\'s rows in the list or the export, and cannot open the new-task page', async ({ page }) => {
  const tag = uniqueTag('本单位');
  await createTaskFixtures([
    { title: `${tag}教育局牵头`, leadUnit: 'jyj', startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(60) },
    { title: `${tag}教育局配合`, leadUnit: 'wjj', coUnits: ['jyj'], startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(61) },
    { title: `${tag}发改局`, leadUnit: 'fgj', coUnits: ['czj'], startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(62) },
    { title: `${tag}卫健局`, leadUnit: 'wjj', startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(63) },
  ]);
  const fgjId = await unitIdByCode('fgj');

  await signIn(page, 'jyj_staff');
  await page.goto(`/tasks?q=${tag}`);
  await expect(page.getByTestId('task-total')).toHaveText('共 2 条 · 第 1 / 1 页');
  await expect(taskRows(page)).toHaveText([new RegExp(`${tag}教育局牵头`), new RegExp(`${tag}教育局配合`)]);
  await expect(page.getByText(`${tag}发改局`)).toHaveCount(0);
  await expect(page.getByRole('link', { name: '新建任务' })).toHaveCount(0);
  // The unit filter only offers the user's own unit.
  await expect(page.getByLabel('单位（牵头或配合）').locator('option')).toHaveText(['全部单位', '教育局']);

  // Asking for another unit's tasks by URL returns nothing.
  await page.goto(`/tasks?q=${tag}&unitId=${fgjId}`);
  await expect(page.getByTestId('task-total')).toHaveText('共 0 条 · 第 1 / 1 页');
  await expect(page.getByText('没有符合条件的任务')).toBeVisible();

  const ledger = await ledgerOf(await page.request.get(`/api/tasks/export?q=${tag}`));
  expect(ledger.rows.map((row) => row[2])).toEqual([`${tag}教育局牵头`, `${tag}教育局配合`]);
  const other = await ledgerOf(await page.request.get(`/api/tasks/export?q=${tag}&unitId=${fgjId}`));
  expect(other.header).toEqual(LEDGER_HEADER);
  expect(other.rows).toEqual([]);

  const newPage = await page.goto('/tasks/new');
  expect(newPage?.status()).toBe(404);
  await expect(page.getByRole('form', { name: '新建任务' })).toHaveCount(0);
});

for (const username of ['leader', 'fgj_head']) {
  test(`${username} cannot open the new-task page and sees only scoped rows in the export`, async ({ page }) => {
    const tag = uniqueTag('范围');
    await createTaskFixtures([
      { title: `${tag}发改局`, leadUnit: 'fgj', startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(60) },
      { title: `${tag}教育局`, leadUnit: 'jyj', leaders: ['leader4'], startDate: shanghaiIsoDay(-30), deadline: shanghaiIsoDay(61) },
    ]);
    await signIn(page, username);
    const response = await page.goto('/tasks/new');
    expect(response?.status()).toBe(404);
    const ledger = await ledgerOf(await page.request.get(`/api/tasks/export?q=${tag}`));
    expect(ledger.rows.map((row) => row[2])).toEqual([`${tag}发改局`]);
  });
}

test('admin creates a task on /tasks/new, sees field errors in Chinese first, then finds the task in the list', async ({ page, browser }) => {
  const title = uniqueTag('新建任务');
  await signIn(page, 'admin');
  await page.goto('/tasks');
  await page.getByRole('link', { name: '新建任务' }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);

  const form = page.getByRole('form', { name: '新建任务' });
  await form.getByLabel('任务名称').fill('x');
  await form.getByLabel('牵头单位').selectOption({ label: '发改局' });
  await form.getByRole('button', { name: '添加指标' }).click();
  await form.getByRole('button', { name: '创建任务' }).click();
  // The first error is the form's message, said once (not again beside the field); the others stand by their fields.
  await expect(form.getByText('请填写任务名称')).toHaveCount(1);
  await expect(form.getByText('请填写任务名称')).toBeVisible();
  await expect(form.locator('.field-error', { hasText: '请填写指标' })).toBeVisible();
  // What was typed survives the refusal.
  await expect(form.getByLabel('任务名称')).toHaveValue('x');

  await form.getByLabel('任务名称').fill(title);
  await form.getByLabel('任务说明').fill('由督查室手工录入');
  await form.getByLabel('完成时限').fill(`${shanghaiIsoDay(0).slice(0, 4)}-12-31`);
  await form.getByRole('group', { name: '配合单位' }).getByLabel('财政局').check();
  await form.getByRole('group', { name: '牵头领导' }).getByLabel('张建华').check();
  await form.getByLabel('指标1').fill('新增市场主体500户以上');
  await form.getByLabel('目标值').fill('500');
  await form.getByLabel('单位', { exact: true }).fill('户');

  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined),
    form.getByRole('button', { name: '创建任务' }).click(),
  ]);
  await expect(page).toHaveURL(/\/tasks\/(?!new)[^/?]+$/);
  const created = await e2eDb().task.findFirstOrThrow({ where: { title }, include: { targets: true, coUnits: { include: { unit: true } }, leaders: { include: { leader: true } } } });
  expect(page.url()).toContain(`/tasks/${created.id}`);
  expect(created.targets.map((t) => [t.metric, Number(t.value), t.unit])).toEqual([['新增市场主体500户以上', 500, '户']]);
  expect(created.coUnits.map((c) => c.unit.code)).toEqual(['czj']);
  expect(created.leaders.map((l) => l.leader.username)).toEqual(['leader']);

  await page.goto(`/tasks?q=${encodeURIComponent(title)}`);
  await expect(taskRows(page)).toHaveCount(1);
  await expect(taskRows(page).first()).toContainText(title);
  await expect(taskRows(page).first()).toContainText('发改局');
  await expect(taskRows(page).first()).toContainText('财政局');

  // Replaying the same server action as a unit user is refused and creates nothing.
  const unitContext = await browser.newContext();
  const unitPage = await unitContext.newPage();
  await signIn(unitPage, 'fgj_head');
  const replay = await unitPage.request.post('/tasks/new', {
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type']!, accept: 'text/x-component' },
    data: request.postDataBuffer()!,
  });
  expect(await replay.text()).toContain('无权执行新建任务');
  await unitContext.close();
  // …and without a session it is turned away too.
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.request.post('/tasks/new', {
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type']!, accept: 'text/x-component' },
    data: request.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(anonymous.status()).not.toBe(200);
  await anonymousContext.close();
  expect(await e2eDb().task.count({ where: { title } })).toBe(1);
});

test('on a phone the ledger is cards that fit the screen, and the filters wrap to it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'fgj_staff');
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { level: 1, name: '任务台账' })).toBeVisible();
  const frame = await page.locator('.table-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
  // Cards (issue 16), not a 1,040 px table scrolled sideways.
  expect(frame.scroll).toBeLessThanOrEqual(frame.client);
  expect(frame.right).toBeLessThanOrEqual(390);
  const filters = await page.getByRole('form', { name: '筛选任务' }).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
  expect(filters.scroll).toBeLessThanOrEqual(filters.client);
  expect(filters.right).toBeLessThanOrEqual(390);
});
