// `npm run serve`'s own settings are checked before any server starts: a wrong worker count stops it
// with a message in Chinese (and English), exit code 2, and nothing listening.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { databaseKind } from '../support/db';

describe.runIf(databaseKind === 'embedded')('npm run serve (reads no database)', () => {
  test.each(['0', '1.5', 'two', '-1'])('LUOSHI_WEB_WORKERS=%s is refused in Chinese, exit 2', (value) => {
    const run = spawnSync(process.execPath, ['scripts/serve.mjs'], { encoding: 'utf8', env: { ...process.env, LUOSHI_WEB_WORKERS: value }, timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`LUOSHI_WEB_WORKERS 应为不小于 1 的整数或 "auto"（当前为 "${value}"）`);
  });
});
