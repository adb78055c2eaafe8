// A fresh real installation (playwright.config.ts, project real-install: `npm run setup`'s script,
// no demo data): the first administrator signs in and must change the password, loads the county's
// directory from a workbook, imports and publishes a plan; a person from that directory signs in,
// changes their initial password and sees their task.
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { REAL_INSTALL } from './helpers';

const ADMIN_NEW_PASSWORD = 'Qingshan-2025-ok';
const STAFF = { username: 'fgw_lly', name: '周立言', initialPassword: 'Chushi-2025a', newPassword: 'Liyan-2025-ok' };
const TASK_TITLE_PART = '全年实施重点项目120个以上';

async function directoryWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number)[][]) => {
    const worksheet = workbook.addWorksheet(name);
    for (const row of rows) worksheet.addRow(row);
  };
  sheet('单位', [
    ['编码', '全称', '简称', '类型', '排序', '启用', '职责关键词', '别名'],
    ['fgw', '县发展和改革局', '发改局', '部门', 1, '是', '项目建设、有效投资', '发改委'],
    ['czj', '县财政局', '财政局', '部门', 2, '是', '预算、财政收入', ''],
    ['lqz', '柳青镇', '柳青镇', '镇办', 3, '是', '', ''],
  ]);
  sheet('人员', [
    ['账号', '姓名', '职务', '角色', '单位编码', '单位全称', '手机', '启用', '初始密码'],
    [STAFF.username, STAFF.name, '联络员', '单位联络员', 'fgw', '', '13800000001', '是', STAFF.initialPassword],
    ['fgw_head', '吴国栋', '局长', '单位负责人', 'fgw', '', '', '是', ''],
    ['czj_head', '郑文', '局长', '单位负责人', '', '县财政局', '', '是', ''],
    ['fxz_sun', '孙海平', '副县长', '县领导', '', '', '', '是', ''],
  ]);
  sheet('分管', [
    ['领导账号', '单位'],
    ['fxz_sun', 'fgw'],
    ['fxz_sun', '县财政局'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Signs in with a password that must be changed first: the sign-in lands on /account/password. */
async function signInAndChangePassword(page: Page, username: string, password: string, newPassword: string) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { level: 1, name: '请修改密码' })).toBeVisible();

  // Every other page sends them back here until the password is changed.
  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/account\/password$/);

  // By name: a refusal shown inside a label changes that field's accessible name.
  const form = page.getByRole('form', { name: '修改密码' });
  await form.locator('input[name="currentPassword"]').fill(password);
  await form.locator('input[name="newPassword"]').fill(password);
  await form.locator('input[name="confirmPassword"]').fill(password);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByRole('status')).toHaveText('新密码不能与原密码相同');

  await form.locator('input[name="newPassword"]').fill(newPassword);
  await form.locator('input[name="confirmPassword"]').fill(newPassword);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

test('a fresh installation: first administrator, directory workbook, plan, and a unit user sees their task', async ({ page }) => {
  test.setTimeout(180_000);

  // No demo account exists here.
  await page.goto('/login');
  await page.getByLabel('账号').fill('admin');
  await page.getByLabel('密码').fill('luoshi2024');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误');

  await signInAndChangePassword(page, REAL_INSTALL.adminUsername, REAL_INSTALL.adminPassword, ADMIN_NEW_PASSWORD);
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');

  // The directory, from one workbook: preview first, then import.
  await page.goto('/admin/directory');
  await page.getByLabel('目录工作簿', { exact: true }).setInputFiles({
    name: '青山县目录.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await directoryWorkbook(),
  });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('directory-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('directory-issues')).toHaveCount(0);
  await page.getByRole('button', { name: '确认导入' }).click();
  // Accounts without an 初始密码 get a one-time password, shown once.
  await expect(page.getByTestId('one-time-password-row')).toHaveCount(3, { timeout: 30_000 });

  // A plan, pasted, with the imported units as owners.
  const title = `青山县2025年重点工作任务（${Date.now().toString(36)}）`;
  await page.goto('/plans');
  await page.getByLabel('粘贴计划文本').fill(
    [
      title,
      '一、扩大有效投资',
      `（一）${TASK_TITLE_PART}，完成投资30亿元。12月底前完成。牵头单位：县发展和改革局；配合单位：县财政局。`,
      '（二）全年一般公共预算收入增长5%。12月底前完成。牵头单位：县财政局。',
    ].join('\n'),
  );
  await page.getByRole('button', { name: '导入并解析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
  const summary = page.getByTestId('review-summary');
  await expect(summary.getByTestId('count-missing-lead')).toHaveText('0');
  const task = page.locator('[data-testid="plan-item"][data-kind="TASK"]').filter({ hasText: TASK_TITLE_PART });
  await expect(task.getByLabel('牵头单位').locator('option:checked')).toHaveText('县发展和改革局');
  // A 2025 plan's deadlines are past: publishing asks the office to confirm them.
  await page.getByRole('checkbox', { name: /确认仍按此发布/ }).check();
  await summary.getByRole('button', { name: '发布 2 项任务' }).click();
  await expect(page).toHaveURL(/\/tasks\?planId=/, { timeout: 30_000 });
  await expect(page.getByTestId('task-table').locator('tbody tr').filter({ hasText: TASK_TITLE_PART })).toHaveCount(1);

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);

  // A person from the imported directory: their initial password must be changed, then they see the task.
  await signInAndChangePassword(page, STAFF.username, STAFF.initialPassword, STAFF.newPassword);
  await expect(page.getByTestId('current-user')).toContainText(STAFF.name);
  await page.goto('/tasks');
  const rows = page.getByTestId('task-table').locator('tbody tr');
  await expect(rows.filter({ hasText: TASK_TITLE_PART })).toHaveCount(1);
  // Only their unit's task (lead), not the 财政局 one.
  await expect(rows.filter({ hasText: '一般公共预算收入' })).toHaveCount(0);
});
