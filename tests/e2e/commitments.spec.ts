import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfDocumentTitle } from '@/lib/core/commitment/lookup';
import { DEMO_PASSWORD, signIn, signOut } from './helpers';
import { createTaskFixtures, e2eDb, uniqueTag, unitIdByCode } from './fixtures';

// One letter goes through its whole life; the later tests use it, so they run in order.
test.describe.configure({ mode: 'serial' });

const YEAR = 2024;
let fgjId: string;
let taskTitle: string;

async function fgjVersion() {
  return e2eDb().commitmentVersion.findFirstOrThrow({
    where: { commitment: { unitId: fgjId, year: YEAR } },
    orderBy: { version: 'desc' },
  });
}

function trackingRow(page: Page, unitCode: string) {
  return page.getByTestId('commitment-tracking').locator(`tr[data-unit="${unitCode}"]`);
}

test.beforeAll(async () => {
  fgjId = await unitIdByCode('fgj');
  taskTitle = `${uniqueTag('承诺')}重点项目建设`;
  await createTaskFixtures([
    { title: taskTitle, leadUnit: 'fgj', leaders: ['leader'], startDate: `${YEAR}-01-01`, deadline: `${YEAR}-12-31`, targets: ['全年建设项目200个以上'] },
  ]);
});

test('the office generates fgj’s letter from its tasks and issues it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`/commitments?year=${YEAR}`);
  const row = trackingRow(page, 'fgj');
  await expect(row.locator('[data-state]')).toHaveText('未生成');
  await row.getByRole('button', { name: '生成草稿' }).click();
  await expect(row.locator('[data-state]')).toHaveText('草拟中');
  await row.getByRole('link', { name: '查看' }).click();
  await expect(page.getByRole('cell', { name: taskTitle })).toBeVisible();
  await expect(page.locator('.letter-paragraph').first()).toContainText('根据示范县2024年度重点工作安排，县发展和改革局作为责任单位');
  await expect(page.getByTestId('version-status')).toHaveText('草稿');
  await page.getByRole('button', { name: '下发至单位签署' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('已下发待签署');
});

test('the unit head signs: a wrong password is refused, the right one signs', async ({ page }) => {
  await signIn(page, 'fgj_head');
  await page.goto(`/commitments?year=${YEAR}`);
  await expect(page).toHaveURL(new RegExp(`/commitments/${fgjId}/${YEAR}$`));
  const form = page.getByTestId('sign-form');
  await form.getByLabel('请再次输入登录密码以确认签署').fill('wrong-password');
  await form.getByRole('button', { name: '确认签署' }).click();
  await expect(form.locator('.form-message')).toHaveText('密码错误');
  await expect(page.getByTestId('version-status')).toHaveText('已下发待签署');
  expect(await e2eDb().signature.count({ where: { versionId: (await fgjVersion()).id } })).toBe(0);

  await form.getByLabel('请再次输入登录密码以确认签署').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: '确认签署' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('单位已签署，待领导会签');
  await expect(page.getByTestId('signatures')).toContainText('单位负责人：杨卫东');
  await signOut(page);
});

test('the overseeing leader countersigns and the version is locked', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto(`/commitments?year=${YEAR}`);
  const row = trackingRow(page, 'fgj');
  await expect(row.locator('[data-state]')).toHaveText('待领导会签');
  await row.getByRole('link', { name: '会签' }).click();
  const form = page.getByTestId('sign-form');
  await form.getByLabel('请再次输入登录密码以确认签署').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: '确认会签' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('已签署锁定');
  await expect(page.getByTestId('signatures')).toContainText('分管县领导：张建华');
  await expect(page.getByTestId('sign-form')).toHaveCount(0);
});

test('the office sees it signed, prints it and downloads the PDF with the hash on it', async ({ page }) => {
  const version = await fgjVersion();
  await signIn(page, 'admin');
  await page.goto(`/commitments?year=${YEAR}`);
  const row = trackingRow(page, 'fgj');
  await expect(row.locator('[data-state]')).toHaveText('已签署锁定');
  await expect(row).toContainText('单位：杨卫东');
  await expect(row).toContainText('领导：张建华');

  await row.getByRole('link', { name: '查看' }).click();
  await page.getByRole('link', { name: '打印' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `《${YEAR}年度目标责任承诺书》` })).toBeVisible();
  await expect(page.getByRole('cell', { name: taskTitle })).toBeVisible();
  await expect(page.getByTestId('print-hash')).toHaveText(`SHA-256：${version.contentHash}`);
  const code = `LS-${version.contentHash.slice(0, 4)}-${version.contentHash.slice(4, 8)}-${version.contentHash.slice(8, 12)}`.toUpperCase();
  await expect(page.getByTestId('print-code')).toHaveText(code);
  await expect(page.locator('.signature-blocks')).toContainText('杨卫东');
  await expect(page.locator('.signature-blocks')).toContainText('张建华');

  const response = await page.request.get(`/api/commitments/${version.id}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent(`目标责任承诺书-县发展和改革局-${YEAR}-v1.pdf`)}`,
  );
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Page text in Chromium's PDFs is compressed; the document title is not, and carries the hash.
  expect(pdfDocumentTitle(pdf)).toBe(`目标责任承诺书 县发展和改革局 ${YEAR}年度 第1版 SHA-256 ${version.contentHash}`);

  // The downloaded PDF, uploaded on the verification page, is matched to its letter and signatures.
  await page.goto('/verify');
  await page.locator('input[type="file"]').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: '上传并核验' }).click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText(`县发展和改革局 · ${YEAR}年度目标责任承诺书 · 第1版`);
  await expect(result).toContainText('单位负责人：杨卫东');
  await expect(result).toContainText('PDF 数字签名有效');
  await expect(page.getByTestId('verify-verdict')).toHaveText('有效（已签署锁定）');

  // The PDF carries the county's signature, which an independent tool validates too.
  const file = join(tmpdir(), `luoshi-e2e-letter-${process.pid}.pdf`);
  writeFileSync(file, pdf);
  expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');

  // The same file with one byte changed inside the signed range is refused, whatever its title says.
  const text = pdf.toString('latin1');
  const producer = /\/Producer \(([^)]*)\)/.exec(text)![0];
  const edited = Buffer.from(text.replace(producer, producer.replace(/.\)$/, 'X)')), 'latin1');
  await page.goto('/verify');
  await page.locator('input[type="file"]').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: edited });
  await page.getByRole('button', { name: '上传并核验' }).click();
  await expect(page.getByTestId('verify-pdf-refused')).toContainText('内容在签名之后被改动过');
  await expect(page.getByTestId('verify-result')).toHaveCount(0);
});

test('anyone signed in verifies the printed code; other units cannot open or download the letter', async ({ page, playwright, baseURL }) => {
  const version = await fgjVersion();
  const anonymous = await playwright.request.newContext({ baseURL });
  const signedOut = await anonymous.get(`/api/commitments/${version.id}/pdf`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.body()).subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
  await anonymous.dispose();

  await signIn(page, 'jyj_head');
  await page.goto('/verify');
  await page.getByLabel('SHA-256 哈希值（64位）或核验码').fill(`LS-${version.contentHash.slice(0, 4)}-${version.contentHash.slice(4, 8)}-${version.contentHash.slice(8, 12)}`);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.getByTestId('verify-result')).toContainText('县发展和改革局');
  await expect(page.getByTestId('verify-result')).toContainText('分管县领导：张建华');
  await expect(page.getByTestId('verify-result').getByRole('link', { name: '查看承诺书' })).toHaveCount(0);

  for (const path of [`/commitments/${fgjId}/${YEAR}`, `/commitments/${fgjId}/${YEAR}/print?version=1`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(version.contentHash)).toHaveCount(0);
  }
  const download = await page.request.get(`/api/commitments/${version.id}/pdf`);
  expect(download.status()).toBe(404);
  expect(download.headers()['content-type']).toContain('application/json');
  await signOut(page);

  await signIn(page, 'leader4');
  expect((await page.request.get(`/api/commitments/${version.id}/pdf`)).status()).toBe(404);
  expect((await page.goto(`/commitments/${fgjId}/${YEAR}`))?.status()).toBe(404);
});
