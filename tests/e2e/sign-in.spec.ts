import { expect, test } from '@playwright/test';
import { signInWithForm as signIn, signOut } from './helpers';

const ROLES = [
  { username: 'admin', name: '王志强', heading: '督查工作台', nav: ['计划导入', '通报', '审计'] },
  { username: 'leader', name: '张建华', heading: '领导驾驶舱', nav: ['单位排名'] },
  { username: 'fgj_head', name: '杨卫东', heading: '本单位任务', nav: ['承诺书'] },
  { username: 'fgj_staff', name: '杨小雨', heading: '本单位任务', nav: ['任务'] },
];

for (const role of ROLES) {
  test(`${role.username} signs in, sees the role's home page and signs out`, async ({ page }) => {
    await signIn(page, role.username);
    await expect(page.getByRole('heading', { level: 1, name: role.heading })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText(role.name);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const item of role.nav) await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
    await signOut(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('unit users do not get the office navigation', async ({ page }) => {
  await signIn(page, 'fgj_staff');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '计划导入' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '审计' })).toHaveCount(0);
});

test('a wrong password is refused in Chinese, the last attempts are counted down, and five failures lock the account', async ({ page }) => {
  await page.goto('/login');
  const refusals = ['账号或密码错误', '账号或密码错误，还可尝试 3 次', '账号或密码错误，还可尝试 2 次', '账号或密码错误，还可尝试 1 次', /^账号或密码错误；失败次数过多，账号已锁定/];
  for (const refusal of refusals) {
    await page.getByLabel('账号').fill('drz_staff');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText(refusal);
  }
  await page.getByLabel('账号').fill('drz_staff');
  await page.getByLabel('密码').fill('luoshi2024');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
});

test('an unauthenticated request gets no data', async ({ request, page }) => {
  const api = await request.get('/api/tasks/export', { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  expect(await api.text()).not.toContain('任务');
  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks/);
});
