import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './lib/platform/chromium';
import { REAL_INSTALL } from './tests/e2e/helpers';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const PG_DIR = process.env.E2E_PG_DIR ?? 'data/pg-e2e';
// The real-installation project: its own server and database, set up by `npm run setup`'s script.
const REAL_PORT = Number(process.env.E2E_REAL_PORT ?? PORT + 1000);
const REAL_PG_DIR = `${PG_DIR}-real`;

// Debian's Chromium, never a downloaded browser (these machines cannot download one).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker per project: the desktop journeys share one database and run in order; the
  // real installation has its own server and database, so it runs beside them.
  workers: 2,
  // One retry: on CI's two cores the journeys share the machine with two integration runs, and a
  // journey that fails once and then passes is reported as flaky (npm test repeats its name at the end).
  retries: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // The demo county, one journey per role.
    { name: 'desktop', workers: 1, testIgnore: /real-install\.spec\.ts$/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    // A fresh real installation: no demo data, one first administrator.
    {
      name: 'real-install',
      workers: 1,
      testMatch: /real-install\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://localhost:${REAL_PORT}` },
    },
  ],
  webServer: [
    {
      // A fresh embedded database (data/pg-e2e): reset, migrate, seed, then serve the built app as
      // `npm run serve` does (scripts/serve.mjs: its page cache too, so every journey goes through it).
      command: `tsx scripts/with-db.ts bash -c "tsx scripts/migrate.ts reset --force && tsx --conditions=react-server prisma/seed.ts && node scripts/serve.mjs -p ${PORT}"`,
      env: {
        LUOSHI_PG_DIR: PG_DIR,
        // The two servers' clusters start at once: distinct ports keep them from racing for one.
        LUOSHI_PG_PORT: String(55_000 + (PORT % 1000)),
        NEXTAUTH_URL: `http://localhost:${PORT}`,
        PORT: String(PORT),
        LUOSHI_UPLOAD_DIR: `${PG_DIR}-uploads`,
        LUOSHI_JOBS: 'off',
      },
      url: `http://localhost:${PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Another fresh database, made a real installation by `npm run setup`'s script (not the demo seed).
      command: `tsx scripts/with-db.ts bash -c "tsx scripts/migrate.ts reset --force && tsx --conditions=react-server scripts/setup-installation.ts && node scripts/serve.mjs -p ${REAL_PORT}"`,
      env: {
        LUOSHI_PG_DIR: REAL_PG_DIR,
        LUOSHI_PG_PORT: String(56_000 + (PORT % 1000)),
        NEXTAUTH_URL: `http://localhost:${REAL_PORT}`,
        PORT: String(REAL_PORT),
        LUOSHI_UPLOAD_DIR: `${REAL_PG_DIR}-uploads`,
        LUOSHI_JOBS: 'off',
        LUOSHI_COUNTY_NAME: REAL_INSTALL.countyName,
        LUOSHI_ADMIN_USERNAME: REAL_INSTALL.adminUsername,
        LUOSHI_ADMIN_PASSWORD: REAL_INSTALL.adminPassword,
      },
      url: `http://localhost:${REAL_PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
