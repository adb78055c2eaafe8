// The office keeps the county's organisation: a unit's 职责 keywords, a new account with its
// one-time password, and a leader's 分管 edited on a phone-sized screen.
import { expect, test } from '@playwright/test';
import { e2eDb, uniqueTag } from './fixtures';
import { signIn } from './helpers';

test('the office edits a unit’s 职责 keywords', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织机构' }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  await page.getByRole('search').getByLabel('搜索').fill('教育');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('unit-row')).toHaveCount(1);
  await page.getByRole('link', { name: '县教育局' }).click();

  const keyword = uniqueTag('课后服务');
  const form = page.getByRole('form', { name: '编辑单位' });
  // A bad value is refused and what was typed stays.
  await form.getByLabel('职责关键词').fill(`学校、${keyword}`);
  await form.getByLabel('全称').fill('县财政局');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('该全称已被其他单位使用')).toBeVisible();
  await expect(form.getByLabel('职责关键词')).toHaveValue(`学校、${keyword}`);

  await form.getByLabel('全称').fill('县教育局');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存');
  const unit = await e2eDb().unit.findUniqueOrThrow({ where: { code: 'jyj' } });
  expect(unit.keywords).toEqual(['学校', keyword]);
  await page.reload();
  await expect(page.getByRole('form', { name: '编辑单位' }).getByLabel('职责关键词')).toHaveValue(`学校、${keyword}`);
});

test('the office creates a user, who is shown a one-time password once', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('link', { name: '新建用户' }).click();
  const username = uniqueTag('e2e_');
  const form = page.getByRole('form', { name: '新建用户' });
  await form.getByLabel('姓名').fill('冯一帆');
  await form.getByLabel('账号').fill(username);
  await form.getByRole('combobox', { name: /^角色/ }).selectOption({ label: '单位联络员' });
  await form.getByLabel('手机').fill('abc');
  await form.getByRole('button', { name: '创建用户' }).click();
  await expect(form.getByText('单位负责人和联络员必须属于一个单位')).toBeVisible();
  await expect(form.getByLabel('姓名')).toHaveValue('冯一帆');

  await form.getByRole('combobox', { name: /^单位/ }).selectOption({ label: '教育局' });
  await form.getByLabel('手机').fill('13912345678');
  await form.getByRole('button', { name: '创建用户' }).click();
  const password = (await page.getByTestId('one-time-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
  const stored = await e2eDb().user.findUniqueOrThrow({ where: { username }, include: { unit: true } });
  expect(stored).toMatchObject({ role: 'UNIT_STAFF', phone: '13912345678', mustChangePassword: true, active: true });
  expect(stored.unit?.code).toBe('jyj');

  // The list finds them by unit; their page does not show the password again.
  await page.goto(`/admin/users?q=${encodeURIComponent('教育局')}`);
  await page.getByRole('link', { name: '冯一帆' }).click();
  await expect(page.getByRole('form', { name: '编辑用户' }).getByLabel('账号')).toHaveValue(username);
  await expect(page.getByText(password)).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the office edits a leader’s 分管 with the searchable multi-select', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/leaders');
    await page.getByRole('link', { name: '调整李明远的分管单位' }).click();
    const form = page.getByRole('form', { name: '分管单位' });
    await form.getByLabel('搜索分管单位').fill('统计');
    const options = form.getByTestId('multi-unitIds');
    await expect(options.getByRole('checkbox')).toHaveCount(1);
    await options.getByText('统计局').tap();
    await expect(form.getByRole('button', { name: '统计局 ×' })).toBeVisible();
    await form.getByRole('button', { name: '保存分管' }).tap();
    await expect(form.getByRole('status')).toHaveText('分管单位已保存');

    const leader2 = await e2eDb().user.findUniqueOrThrow({ where: { username: 'leader2' }, include: { overseenUnits: { include: { unit: true } } } });
    expect(leader2.overseenUnits.map((link) => link.unit.code)).toContain('tjj');
    await page.goto('/admin/leaders');
    await expect(page.getByTestId('leader-row').filter({ hasText: '李明远' })).toContainText('统计局');

    // Removing the chip and saving puts it back as it was.
    await page.getByRole('link', { name: '调整李明远的分管单位' }).click();
    await page.getByRole('button', { name: '统计局 ×' }).tap();
    await page.getByRole('button', { name: '保存分管' }).tap();
    await expect(page.getByRole('status').filter({ hasText: '分管单位已保存' })).toBeVisible();
    expect(await e2eDb().leaderUnit.count({ where: { leaderId: leader2.id, unit: { code: 'tjj' } } })).toBe(0);
  });
});

test('the office previews a directory workbook (every bad row listed, nothing written), then imports a good one', async ({ page }) => {
  const ExcelJS = (await import('exceljs')).default;
  const code = uniqueTag('e2e');
  const workbook = async (staffUnit: string, staffPhone = 'x') => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('单位').addRows([['编码', '全称', '简称', '类型', '职责关键词'], [code, `县${code}中心`, `${code}中心`, '部门', '数据']]);
    book.addWorksheet('人员').addRows([['账号', '姓名', '角色', '单位编码', '手机'], [`${code}_head`, '郑一', '单位负责人', code, '13800000000'], [`${code}_staff`, '郑二', '单位联络员', staffUnit, staffPhone]]);
    return { name: '目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) };
  };
  await signIn(page, 'admin');
  await page.goto('/admin/directory');
  const form = page.getByRole('form', { name: '导入目录工作簿' });
  await form.getByLabel('目录工作簿').setInputFiles(await workbook('nope'));
  await form.getByRole('button', { name: '预览' }).click();
  const issues = form.getByTestId('directory-issues');
  await expect(issues.getByRole('listitem')).toHaveText(['“人员”表 第 3 行 手机：电话号码格式不正确', '“人员”表 第 3 行 单位编码：找不到编码为“nope”的单位']);
  await expect(form.getByRole('button', { name: '确认导入' })).toBeDisabled();
  expect(await e2eDb().unit.count({ where: { code } })).toBe(0);

  await form.getByLabel('目录工作簿').setInputFiles(await workbook(code, '13900000000'));
  await form.getByRole('button', { name: '预览' }).click();
  await expect(form.getByTestId('directory-summary')).toContainText('单位：将新增 1');
  await form.getByRole('button', { name: '确认导入' }).click();
  await expect(form.getByRole('status')).toHaveText('导入完成');
  await expect(form.getByTestId('one-time-password-row')).toHaveCount(2);
  const staff = await e2eDb().user.findUniqueOrThrow({ where: { username: `${code}_staff` }, include: { unit: true } });
  expect(staff).toMatchObject({ role: 'UNIT_STAFF', phone: '13900000000', mustChangePassword: true });
  expect(staff.unit?.code).toBe(code);
});
