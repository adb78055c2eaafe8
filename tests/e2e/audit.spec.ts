import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the office reads the audit record in words and filters it in the URL', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: '审计记录' })).toBeVisible();

  const filters = page.getByRole('form', { name: '筛选审计记录' });
  await filters.getByLabel('操作类型').selectOption({ label: '签收' });
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/action=task\.acknowledge/);

  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  const first = rows.first();
  await expect(first.getByRole('cell').nth(0)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/); // Beijing time
  await expect(first.getByRole('cell').nth(2)).toHaveText('签收');
  await expect(first.getByRole('cell').nth(4)).toHaveText(/状态：交办 → 已签收/);
  // The task is named and linked, not shown as an id.
  await expect(first.getByRole('cell').nth(3).getByRole('link')).toHaveAttribute('href', /^\/tasks\//);

  await page.goto('/audit?action=task.acknowledge&from=2000-01-01&to=2000-01-02');
  await expect(page.getByText('没有符合条件的记录。')).toBeVisible();
});
