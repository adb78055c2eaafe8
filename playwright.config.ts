import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './lib/platform/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3210);

// Debian's Chromium, never a downloaded browser (these machines cannot download one).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
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
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    // A fresh embedded database (data/pg-e2e): reset, migrate, seed, then serve the built app.
    command: `tsx scripts/with-db.ts bash -c "tsx scripts/migrate.ts reset --force && tsx --conditions=react-server prisma/seed.ts && next start -p ${PORT}"`,
    env: {
      LUOSHI_PG_DIR: process.env.E2E_PG_DIR ?? 'data/pg-e2e',
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      PORT: String(PORT),
      LUOSHI_UPLOAD_DIR: `${process.env.E2E_PG_DIR ?? 'data/pg-e2e'}-uploads`,
      LUOSHI_JOBS_INTERVAL_MINUTES: '0',
    },
    url: `http://localhost:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
