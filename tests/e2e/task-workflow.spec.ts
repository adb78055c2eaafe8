import { expect, test, type Page, type Route } from '@playwright/test';
import { signIn, signOut } from './helpers';
import { createJourneyTask, createTaskWithAttachment, e2eDb, shanghaiIsoDay } from './fixtures';

// A tiny but real PDF and PNG: the server checks their first bytes, not just the names.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const badges = (page: Page) => page.getByTestId('task-badges');
const timeline = (page: Page) => page.getByRole('list', { name: '办理记录' });

async function openTask(page: Page, username: string, taskId: string) {
  await signIn(page, username);
  await page.goto(`/tasks/${taskId}`);
}

async function fileReport(
  page: Page,
  { narrative, percent, actual, file, close }: { narrative: string; percent: string; actual?: string; file: { name: string; mimeType: string; buffer: Buffer }; close: boolean },
) {
  const form = page.getByRole('form', { name: '进度报送' });
  await form.getByLabel('工作进展').fill(narrative);
  await form.getByLabel('完成百分比（%）').fill(percent);
  if (actual !== undefined) await form.getByLabel(/全年建设项目200个以上（不低于200个?） 实际值/).fill(actual);
  await form.locator('input[type="file"][name="files"]').setInputFiles(file);
  if (close) await form.getByLabel(/申请销号/).check();
  await form.getByRole('button', { name: close ? '提交销号申请' : '提交报告' }).click();
}

test('a unit acknowledges, reports with a target actual and an attachment, asks to close; the office returns it, then closes it', async ({ page }) => {
  const task = await createJourneyTask('重点项目建设攻坚');

  // 发改局's liaison signs for the task.
  await openTask(page, 'fgj_staff', task.id);
  await expect(page.getByRole('heading', { level: 1, name: '重点项目建设攻坚' })).toBeVisible();
  await expect(page.getByText('重点项目建设攻坚，全年建设项目200个以上。')).toBeVisible();
  await expect(badges(page)).toContainText('交办');
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await expect(badges(page)).toContainText('已签收');

  // First report: an actual for the target and a photo; the task moves to 办理中 and progress follows the target.
  await fileReport(page, { narrative: '已开工项目120个，完成投资45亿元。', percent: '55', actual: '120', file: { name: '现场照片.png', mimeType: 'image/png', buffer: PNG }, close: false });
  await expect(badges(page)).toContainText('办理中');
  await expect(page.getByRole('progressbar', { name: '实际进度' })).toHaveAttribute('aria-valuenow', '60');
  const targetRow = page.getByRole('table', { name: '目标指标' }).getByRole('row', { name: /全年建设项目200个以上/ });
  await expect(targetRow.getByRole('cell')).toHaveText(['全年建设项目200个以上', '不低于200', '120', '60%']);
  await expect(timeline(page).getByRole('link', { name: /现场照片\.png/ })).toBeVisible();

  // The attachment downloads with its Chinese name.
  const href = await timeline(page).getByRole('link', { name: /现场照片\.png/ }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('image/png');
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-disposition']).toContain("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
  expect(Buffer.from(await download.body())).toEqual(PNG);

  // Asking to close without evidence is refused and keeps what was typed; with a PDF it goes through.
  const form = page.getByRole('form', { name: '进度报送' });
  await form.getByLabel('工作进展').fill('全部项目已开工，申请销号。');
  await form.getByLabel('完成百分比（%）').fill('100');
  await form.getByLabel(/申请销号/).check();
  await form.getByRole('button', { name: '提交销号申请' }).click();
  await expect(form.getByText('申请销号须提供佐证材料').first()).toBeVisible();
  await expect(form.getByLabel('工作进展')).toHaveValue('全部项目已开工，申请销号。');
  await form.locator('input[type="file"][name="files"]').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.getByRole('button', { name: '提交销号申请' }).click();
  await expect(badges(page)).toContainText('申请销号');
  await expect(page.getByText('已申请销号，等待督查室审核。')).toBeVisible();
  await expect(page.getByRole('form', { name: '进度报送' })).toHaveCount(0);
  await signOut(page);

  // The office returns it: a reason is required.
  await openTask(page, 'admin', task.id);
  const review = page.getByRole('form', { name: '审核销号申请' });
  await review.getByRole('button', { name: '退回' }).click();
  await expect(review.getByText('请填写退回理由').first()).toBeVisible();
  await review.getByLabel('审核意见（退回时必填）').fill('缺少竣工验收备案表');
  await review.getByRole('button', { name: '退回' }).click();
  await expect(badges(page)).toContainText('办理中');
  await expect(timeline(page)).toContainText('退回销号申请');
  await expect(timeline(page)).toContainText('缺少竣工验收备案表');
  await signOut(page);

  // The unit reports again and asks to close.
  await openTask(page, 'fgj_staff', task.id);
  await expect(timeline(page)).toContainText('已退回：缺少竣工验收备案表');
  await fileReport(page, { narrative: '已补充竣工验收备案表。', percent: '100', actual: '200', file: { name: '竣工验收备案表.pdf', mimeType: 'application/pdf', buffer: PDF }, close: true });
  await expect(badges(page)).toContainText('申请销号');
  await signOut(page);

  // The office closes it.
  await openTask(page, 'admin', task.id);
  await expect(page.getByRole('form', { name: '审核销号申请' })).toHaveCount(1);
  await page.getByRole('form', { name: '审核销号申请' }).getByRole('button', { name: '同意销号' }).click();
  await expect(badges(page)).toContainText('已销号');
  await expect(timeline(page)).toContainText('同意销号');
  await expect(page.getByRole('button', { name: '重新办理' })).toBeVisible();

  const stored = await e2eDb().task.findUniqueOrThrow({ where: { id: task.id } });
  expect(stored.status).toBe('CLOSED');
  expect(await e2eDb().progressReport.count({ where: { taskId: task.id } })).toBe(3);
});

test('a unit requests an extension and the office approves it; the new deadline shows', async ({ page }) => {
  const task = await createJourneyTask('农村公路提质改造');
  const oldDeadline = shanghaiIsoDay(60);
  const newDeadline = shanghaiIsoDay(120);

  await openTask(page, 'fgj_head', task.id);
  await expect(page.getByTestId('task-deadline')).toContainText(oldDeadline);
  await expect(page.getByTestId('task-deadline')).toContainText('原文：年底前');
  const request = page.getByRole('form', { name: '延期申请' });
  await request.getByLabel('申请延至').fill(oldDeadline);
  await request.getByLabel('延期理由').fill('受汛期影响，路基施工顺延');
  // The server action is slowed down so the pending state can be seen: the button says 提交中… meanwhile.
  const slowAction = async (route: Route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  };
  await page.route(`**/tasks/${task.id}`, slowAction);
  await request.getByRole('button', { name: '提交延期申请' }).click();
  await expect(request.getByRole('button', { name: '提交中…' })).toBeDisabled();
  await expect(request.getByText(`新的完成时限应晚于现行时限 ${oldDeadline}`).first()).toBeVisible();
  await page.unroute(`**/tasks/${task.id}`, slowAction);
  await expect(request.getByLabel('延期理由')).toHaveValue('受汛期影响，路基施工顺延');
  await request.getByLabel('申请延至').fill(newDeadline);
  await request.getByRole('button', { name: '提交延期申请' }).click();
  await expect(page.getByText(`延期申请（延至 ${newDeadline}）待督查室审批。`)).toBeVisible();
  await expect(page.getByRole('form', { name: '延期申请' })).toHaveCount(0);
  await signOut(page);

  await openTask(page, 'admin', task.id);
  await page.getByRole('form', { name: '审批延期' }).getByRole('button', { name: '批准延期' }).click();
  await expect(page.getByTestId('task-deadline')).toContainText(newDeadline);
  await expect(page.getByTestId('task-deadline')).not.toContainText('年底前');
  await expect(timeline(page)).toContainText(`${oldDeadline} → ${newDeadline}`);
  await expect(timeline(page)).toContainText('已批准');
  await expect(timeline(page)).toContainText('批准延期，调整完成时限');
});

test('another unit cannot open the task page or download its attachment; the co-unit can', async ({ page, request }) => {
  const { task, url } = await createTaskWithAttachment('越权访问检查', PDF);

  // Without a session: 401, no data.
  const anonymous = await request.get(url);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).not.toContain('%PDF');

  await signIn(page, 'jyj_staff');
  const response = await page.goto(`/tasks/${task.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '未找到该任务' })).toBeVisible();
  await expect(page.getByText('越权访问检查')).toHaveCount(0);
  const refused = await page.request.get(url);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain('%PDF');
  // A made-up name or a path in the URL is not found either.
  expect((await page.request.get(url.replace(/[^/]+$/, '..%2F..%2Fetc%2Fpasswd'))).status()).toBe(404);
  await signOut(page);

  await signIn(page, 'czj_staff');
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '越权访问检查' })).toBeVisible();
  // A co-unit reports but neither signs for the task nor asks to close it.
  await expect(page.getByRole('form', { name: '进度报送' })).toBeVisible();
  await expect(page.getByRole('button', { name: '签收', exact: true })).toHaveCount(0);
  await expect(page.getByLabel(/申请销号/)).toHaveCount(0);
  await expect(page.getByRole('form', { name: '延期申请' })).toHaveCount(0);
  const allowed = await page.request.get(url);
  expect(allowed.status()).toBe(200);
  expect(Buffer.from(await allowed.body())).toEqual(PDF);
});

test('the task page works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const task = await createJourneyTask('手机端办理');
  await openTask(page, 'fgj_staff', task.id);
  await expect(page.getByRole('form', { name: '进度报送' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await expect(badges(page)).toContainText('已签收');
});
