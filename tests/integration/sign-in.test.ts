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

  test('after five failures within 15 minutes the account is refused even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials({ username: 'cpz_staff', password: 'wrong' }, null)).rejects.toThrow('账号或密码错误');
    }
    await expect(verifyCredentials({ username: 'cpz_staff', password: 'luoshi2024' }, null)).rejects.toThrow(/账号已锁定，请在 1[45] 分钟后再试/);
    // Another account is unaffected.
    await expect(verifyCredentials({ username: 'cpz_head', password: 'luoshi2024' }, null)).resolves.toMatchObject({ username: 'cpz_head' });
  });

  test('the lock lifts once the failures are older than 15 minutes', async () => {
    for (let i = 0; i < 5; i++) await expect(verifyCredentials({ username: 'hlz_staff', password: 'wrong' }, null)).rejects.toThrow();
    await testDb.loginAttempt.updateMany({ where: { username: 'hlz_staff' }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await expect(verifyCredentials({ username: 'hlz_staff', password: 'luoshi2024' }, null)).resolves.toMatchObject({ username: 'hlz_staff' });
  });
});
