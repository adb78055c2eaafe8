// Phone screenshots for the README: each role's home page and the ledger at 390 × 844, taken from
// a running demo (`npm run demo`, or any server seeded with the demo county). Run by hand, not in CI:
//   LUOSHI_BASE_URL=http://127.0.0.1:3000 npx tsx scripts/phone-screenshots.ts
// Writes docs/screenshots/phone-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../lib/platform/chromium';

const BASE_URL = process.env.LUOSHI_BASE_URL ?? 'http://127.0.0.1:3000';
const PASSWORD = process.env.LUOSHI_DEMO_PASSWORD ?? 'luoshi2024';
const OUT_DIR = path.resolve('docs/screenshots');

const SHOTS = [
  { username: 'admin', file: 'phone-office-home.png', path: '/' },
  { username: 'leader', file: 'phone-leader-home.png', path: '/' },
  { username: 'fgj_head', file: 'phone-unit-home.png', path: '/' },
  { username: 'admin', file: 'phone-ledger.png', path: '/tasks' },
  { username: 'fgj_head', file: 'phone-menu.png', path: '/', openMenu: true },
] as const;

const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByLabel('账号').fill(shot.username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${BASE_URL}${shot.path}`);
    await page.waitForLoadState('networkidle');
    if ('openMenu' in shot) await page.getByRole('button', { name: '菜单' }).click();
    await page.screenshot({ path: path.join(OUT_DIR, shot.file) });
    console.log(`wrote docs/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
