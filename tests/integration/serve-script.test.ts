// `npm run serve`'s own settings are checked before any server starts: a wrong worker count, argument
// or port stops it with a message in Chinese (and English), exit code 2, and nothing listening.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { databaseKind } from '../support/db';

describe.runIf(databaseKind === 'embedded')('npm run serve (reads no database)', () => {
  test.each(['0', '1.5', 'two', '-1'])('LUOSHI_WEB_WORKERS=%s is refused in Chinese, exit 2', (value) => {
    const run = spawnSync(process.execPath, ['scripts/serve.mjs'], { encoding: 'utf8', env: { ...process.env, LUOSHI_WEB_WORKERS: value }, timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`LUOSHI_WEB_WORKERS 应为不小于 1 的整数或 "auto"（当前为 "${value}"）`);
  });

  test.each([['--prot', '4000'], ['4000']])('an argument it does not take (%s) is refused in Chinese, exit 2', (...args) => {
    const run = spawnSync(process.execPath, ['scripts/serve.mjs', ...args], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('参数无效：只接受 --hostname (-H) 和 --port (-p)');
  });

  test.each(['http', '70000', '-1', '3.5'])('port %s is refused in Chinese, exit 2', (value) => {
    const run = spawnSync(process.execPath, ['scripts/serve.mjs', `--port=${value}`], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`端口应为 0 到 65535 的整数（当前为 "${value}"）`);
  });
});
