// Accounts: changing one's own password, an administrator's reset and unlock; each audited, and
// each ending the sessions it should.
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, test } from 'vitest';
import { changeOwnPassword } from '@/lib/server/accounts/change-own-password';
import { getAccountLock } from '@/lib/server/accounts/get-account-lock';
import { resetUserPassword } from '@/lib/server/accounts/reset-user-password';
import { unlockUserAccount } from '@/lib/server/accounts/unlock-user-account';
import { verifyCredentials } from '@/lib/server/auth/sign-in';
import { loadLiveSession, startUserSession } from '@/lib/server/auth/user-sessions';
import { sessionUser, testDb } from '../support/db';

const DEMO_PASSWORD = 'luoshi2024';
const TOUCHED = ['xkz_head', 'xkz_staff', 'qtgz_head', 'qtgz_staff'];

afterAll(async () => {
  await testDb.user.updateMany({
    where: { username: { in: TOUCHED } },
    data: { passwordHash: await bcrypt.hash(DEMO_PASSWORD, 10), mustChangePassword: false },
  });
});

async function signIn(username: string, password = DEMO_PASSWORD) {
  const user = await verifyCredentials({ username, password }, null);
  return { user, sessionId: await startUserSession(user.id, { ip: null, userAgent: null }) };
}

async function lastAudit(entityId: string) {
  return testDb.auditEvent.findFirstOrThrow({ where: { entityId }, orderBy: { seq: 'desc' } });
}

const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) => ({ currentPassword, newPassword, confirmPassword });

describe('changing one’s own password', () => {
  test('the policy refuses, in Chinese, on the new-password field', async () => {
    const { user, sessionId } = await signIn('xkz_staff');
    const refusal = (newPassword: string) =>
      changeOwnPassword({ user, sessionId, input: change(DEMO_PASSWORD, newPassword), ip: null }).catch((error) => error.fieldErrors);
    await expect(refusal('ab12')).resolves.toMatchObject({ newPassword: expect.arrayContaining(['密码至少 8 位']) });
    await expect(refusal('abcdefghijk')).resolves.toEqual({ newPassword: ['密码须同时包含字母和数字'] });
    await expect(refusal('xkz_staff2025')).resolves.toEqual({ newPassword: ['密码不能包含账号名'] });
    await expect(refusal(DEMO_PASSWORD)).resolves.toEqual({ newPassword: ['新密码不能与原密码相同'] });
    await expect(
      changeOwnPassword({ user, sessionId, input: change(DEMO_PASSWORD, 'qiuyue2025', 'qiuyue2026'), ip: null }),
    ).rejects.toMatchObject({ fieldErrors: { confirmPassword: ['两次输入的新密码不一致'] } });
    await expect(changeOwnPassword({ user, sessionId, input: change('wrong-one1', 'qiuyue2025'), ip: null })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ['当前密码不正确'] },
    });
    // Nothing changed.
    await expect(verifyCredentials({ username: 'xkz_staff', password: DEMO_PASSWORD }, null)).resolves.toMatchObject({ username: 'xkz_staff' });
  });

  test('a change keeps this session, ends the others, is audited, and the new password signs in', async () => {
    const here = await signIn('xkz_head');
    const elsewhere = await signIn('xkz_head');
    await changeOwnPassword({ user: here.user, sessionId: here.sessionId, input: change(DEMO_PASSWORD, 'chunfeng2025'), ip: '10.1.1.1' });
    await expect(loadLiveSession(here.sessionId, here.user.id)).resolves.not.toBeNull();
    await expect(loadLiveSession(elsewhere.sessionId, here.user.id)).resolves.toBeNull();
    await expect(verifyCredentials({ username: 'xkz_head', password: DEMO_PASSWORD }, null)).rejects.toThrow('账号或密码错误');
    await expect(verifyCredentials({ username: 'xkz_head', password: 'chunfeng2025' }, null)).resolves.toMatchObject({ username: 'xkz_head' });
    const audit = await lastAudit(here.user.id);
    expect(audit).toMatchObject({ action: 'account.password.change', actorId: here.user.id, ip: '10.1.1.1' });
    expect(audit.after).toMatchObject({ mustChangePassword: false, sessionsEnded: 1 });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: here.user.id } })).passwordChangedAt).not.toBeNull();
  });
});

describe('an administrator’s reset', () => {
  test('only the office may reset, and not its own password', async () => {
    const target = await testDb.user.findUniqueOrThrow({ where: { username: 'qtgz_staff' } });
    for (const username of ['leader', 'fgj_head', 'qtgz_head']) {
      await expect(resetUserPassword({ user: await sessionUser(username), input: { userId: target.id }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const admin = await sessionUser('admin');
    await expect(resetUserPassword({ user: admin, input: { userId: admin.id }, ip: null })).rejects.toThrow('不能重置本人密码');
    await expect(resetUserPassword({ user: admin, input: { userId: 'no-such-user' }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a reset ends every session and forces a change at the next sign-in', async () => {
    const before = await signIn('qtgz_staff');
    const admin = await sessionUser('admin');
    const { oneTimePassword } = await resetUserPassword({ user: admin, input: { userId: before.user.id }, ip: null });
    expect(oneTimePassword).toMatch(/^(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z\d]{12}$/);

    await expect(loadLiveSession(before.sessionId, before.user.id)).resolves.toBeNull();
    await expect(verifyCredentials({ username: 'qtgz_staff', password: DEMO_PASSWORD }, null)).rejects.toThrow('账号或密码错误');
    const next = await signIn('qtgz_staff', oneTimePassword);
    expect(await loadLiveSession(next.sessionId, next.user.id)).toMatchObject({ mustChangePassword: true });

    const audit = await lastAudit(before.user.id);
    expect(audit).toMatchObject({ action: 'account.password.reset', actorId: admin.id });
    expect(audit.after).toMatchObject({ mustChangePassword: true, sessionsEnded: 1 });
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);

    // The one-time password itself does not pass as the new one.
    await expect(
      changeOwnPassword({ user: next.user, sessionId: next.sessionId, input: change(oneTimePassword, oneTimePassword), ip: null }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: ['新密码不能与原密码相同'] } });
    await changeOwnPassword({ user: next.user, sessionId: next.sessionId, input: change(oneTimePassword, 'dongxue2025'), ip: null });
    expect(await loadLiveSession(next.sessionId, next.user.id)).toMatchObject({ mustChangePassword: false });
  });
});

describe('unlocking an account', () => {
  test('the office lifts a lock; the failures stay on record; a new run of failures locks again', async () => {
    const target = await testDb.user.findUniqueOrThrow({ where: { username: 'qtgz_head' } });
    const admin = await sessionUser('admin');
    await expect(unlockUserAccount({ user: admin, input: { userId: target.id }, ip: null })).rejects.toThrow('该账号未被锁定');
    for (let i = 0; i < 5; i++) await expect(verifyCredentials({ username: 'qtgz_head', password: 'wrong' }, null)).rejects.toThrow('账号或密码错误');
    expect((await getAccountLock('qtgz_head')).locked).toBe(true);

    await expect(unlockUserAccount({ user: await sessionUser('leader'), input: { userId: target.id }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await unlockUserAccount({ user: admin, input: { userId: target.id }, ip: '10.2.2.2' });
    expect(await lastAudit(target.id)).toMatchObject({ action: 'account.unlock', actorId: admin.id, ip: '10.2.2.2' });
    expect(await testDb.loginAttempt.count({ where: { username: 'qtgz_head', success: false } })).toBe(5);
    await expect(verifyCredentials({ username: 'qtgz_head', password: DEMO_PASSWORD }, null)).resolves.toMatchObject({ username: 'qtgz_head' });

    for (let i = 0; i < 5; i++) await expect(verifyCredentials({ username: 'qtgz_head', password: 'wrong' }, null)).rejects.toThrow('账号或密码错误');
    await expect(verifyCredentials({ username: 'qtgz_head', password: DEMO_PASSWORD }, null)).rejects.toThrow('账号已锁定');
  });
});
