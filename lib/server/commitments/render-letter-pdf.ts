import 'server-only';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '@/lib/platform/chromium';
import { UserFacingError } from '@/lib/server/errors';

// A headless Chromium takes a few hundred MB; more renders than this at once are asked to retry.
const MAX_CONCURRENT_RENDERS = 2;
let rendering = 0;

const RENDER_RESOURCES = new Set(['document', 'stylesheet', 'font', 'image']);

const unavailable = (message: string) => new UserFacingError(message, 'CONFLICT');

/**
 * Renders the letter's print page to an A4 PDF with the server's Chromium. The page is loaded with
 * the caller's own cookies, so it renders with exactly the caller's authorization, and only from
 * this server. `readySelector` must be on the rendered page, or the render is refused (e.g. the
 * session expired and the page redirected to sign-in).
 */
export async function renderLetterPdf({ url, cookie, readySelector }: { url: URL; cookie: string; readySelector: string }) {
  if (!existsSync(CHROMIUM_EXECUTABLE)) throw unavailable('服务器未安装 Chromium，暂时无法生成 PDF，请使用“打印”另存为 PDF');
  if (rendering >= MAX_CONCURRENT_RENDERS) throw unavailable('正在生成其他 PDF，请稍后重试');
  rendering += 1;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ extraHTTPHeaders: { cookie }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // The letter is complete as server-rendered HTML and CSS: scripts (and the router's prefetches they
    // start) are not loaded, and nothing is fetched from anywhere but this server.
    await context.route('**/*', (route) => {
      const request = route.request();
      const allowed = new URL(request.url()).origin === url.origin && RENDER_RESOURCES.has(request.resourceType());
      return allowed ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    await page.goto(url.href, { waitUntil: 'load', timeout: 30_000 });
    if ((await page.locator(readySelector).count()) === 0) throw unavailable('生成 PDF 失败：承诺书页面未能加载，请刷新后重试');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    console.error(error);
    throw unavailable('生成 PDF 失败，请稍后重试或使用“打印”另存为 PDF');
  } finally {
    rendering -= 1;
    await browser?.close();
  }
}
