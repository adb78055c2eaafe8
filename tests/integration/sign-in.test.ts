import { describe, expect, test } from 'vitest';
import { verifyCredentials } from '@/lib/server/auth/sign-in';
import { testDb } from '../support/db';

describe('sign-in', () => {
  test('the right password gives the session user with role and unit', async () => {
    const user = await verifyCredentials({ username: 'czj_head', password: 'luoshi2024' }, '127.0.0.1');
    const unit = await testDb.unit.findUniqueOrThrow({ where: { code: 'czj' } });
    expect(user).toMatchObject({ username: 'czj_head', role: 'UNIT_HEAD', unitId: unit.id });
  });

  test('a wrong password and an unknown account give the same Chinese message', async () => {
    await expect(verifyCredentials({ username: 'czj_staff', password: 'nope' }, null)).rejects.toThrow('账号或密码错误');
    await expect(verifyCredentials({ username: 'no_such_user', password: 'nope' }, null)).rejects.toThrow('账号或密码错误');
    await expect(verifyCredentials({ username: '', password: '' }, null)).rejects.toThrow('请输入账号');
  });

  test('five failures from one address lock the account for that address only; the owner elsewhere still signs in', async () => {
    const attacker = '198.51.100.23';
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials({ username: 'cpz_staff', password: 'wrong' }, attacker)).rejects.toThrow('账号或密码错误');
    }
    await expect(verifyCredentials({ username: 'cpz_staff', password: 'luoshi2024' }, attacker)).rejects.toThrow(/账号已锁定，请在 1[45] 分钟后再试/);
    await expect(verifyCredentials({ username: 'cpz_staff', password: 'luoshi2024' }, '203.0.113.8')).resolves.toMatchObject({ username: 'cpz_staff' });
    // Another account from the attacking address is unaffected.
    await expect(verifyCredentials({ username: 'cpz_head', password: 'luoshi2024' }, attacker)).resolves.toMatchObject({ username: 'cpz_head' });
    // The counters live in PostgreSQL, where every app server reads them.
    expect(await testDb.rateLimit.findUnique({ where: { key: `signin-account-address:cpz_staff|${attacker}` } })).toMatchObject({ points: 5 });
  });

  test('the last attempts before the lock are counted down, then the lock is said', async () => {
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const refusal = await verifyCredentials({ username: 'countdown_nobody', password: 'wrong' }, '198.51.100.41').then(
        () => 'signed in',
        (e: Error) => e.message,
      );
      messages.push(refusal);
    }
    expect(messages).toEqual([
      '账号或密码错误',
      '账号或密码错误，还可尝试 3 次',
      '账号或密码错误，还可尝试 2 次',
      '账号或密码错误，还可尝试 1 次',
      '账号或密码错误；失败次数过多，账号已锁定，请在 15 分钟后再试',
    ]);
  });

  test('the lock lifts once its 15 minutes are over', async () => {
    for (let i = 0; i < 5; i++) await expect(verifyCredentials({ username: 'hlz_staff', password: 'wrong' }, null)).rejects.toThrow();
    await expect(verifyCredentials({ username: 'hlz_staff', password: 'luoshi2024' }, null)).rejects.toThrow('账号已锁定');
    await testDb.rateLimit.updateMany({ where: { key: { contains: 'hlz_staff' } }, data: { expire: BigInt(Date.now() - 1000) } });
    await expect(verifyCredentials({ username: 'hlz_staff', password: 'luoshi2024' }, null)).resolves.toMatchObject({ username: 'hlz_staff' });
  });

  test('100 failures over 100 accounts from one address are cut off after 30, while the real user from another address signs in', async () => {
    const attacker = '198.51.100.77';
    const refusals: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const error = await verifyCredentials({ username: `guess_${i}`, password: 'wrong' }, attacker).catch((e: Error) => e);
      refusals.push(error instanceof Error ? error.message : 'signed in');
    }
    console.log(`sign-in throttle: 100 attempts from one address in ${Date.now() - started} ms`);
    expect(refusals.slice(0, 30)).toEqual(Array(30).fill('账号或密码错误'));
    expect(refusals.slice(30).every((message) => /^此地址登录失败次数过多，请在 1[45] 分钟后再试$/.test(message))).toBe(true);
    // Even the right password is refused from that address now…
    await expect(verifyCredentials({ username: 'xkz_staff', password: 'luoshi2024' }, attacker)).rejects.toThrow('此地址登录失败次数过多');
    // …and accepted from the owner's.
    await expect(verifyCredentials({ username: 'xkz_staff', password: 'luoshi2024' }, '203.0.113.9')).resolves.toMatchObject({ username: 'xkz_staff' });
  });

  test('failures on one account from many addresses slow it down without locking its owner out', async () => {
    for (let i = 0; i < 14; i++) {
      await expect(verifyCredentials({ username: 'gfz_staff', password: 'wrong' }, `192.0.2.${i + 1}`)).rejects.toThrow('账号或密码错误');
    }
    const started = Date.now();
    await expect(verifyCredentials({ username: 'gfz_staff', password: 'luoshi2024' }, '203.0.113.10')).resolves.toMatchObject({ username: 'gfz_staff' });
    // 14 failures, 10 free: the owner's attempt waited 4 × 500 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });
});
