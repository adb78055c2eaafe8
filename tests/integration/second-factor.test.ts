// The optional TOTP second factor: enrol on the account page, sign in with a code (each once) or a
// recovery code (each once), wrong codes count toward the sign-in throttle, the office resets it.
import { generateSync } from 'otplib';
import { afterAll, describe, expect, test } from 'vitest';
import { SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG } from '@/lib/core/auth/second-factor-messages';
import { confirmSecondFactor, getOwnSecondFactor, resetSecondFactor, startSecondFactor } from '@/lib/server/accounts/second-factor';
import { verifyCredentials } from '@/lib/server/auth/sign-in';
import { resetSignInThrottle, SIGN_IN_THROTTLE } from '@/lib/server/auth/sign-in-throttle';
import { openSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';
import { sessionUser, testDb } from '../support/db';

const USERNAME = 'leader4';
const PASSWORD = 'luoshi2024';
const codeAt = (secret: string, offsetSeconds = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
const signIn = (code: string | undefined, ip: string) => verifyCredentials({ username: USERNAME, password: PASSWORD, code }, ip);

async function enrol() {
  const user = await sessionUser(USERNAME);
  await startSecondFactor({ user });
  const { pending } = await getOwnSecondFactor({ user });
  const code = codeAt(pending!.secret);
  const { recoveryCodes } = await confirmSecondFactor({ user, input: { code }, ip: '10.20.0.1' });
  return { secret: pending!.secret, uri: pending!.uri, code, recoveryCodes };
}

async function auditActions() {
  const user = await sessionUser(USERNAME);
  return (await testDb.auditEvent.findMany({ where: { entity: 'User', entityId: user.id, action: { startsWith: 'account.secondFactor' } }, orderBy: { seq: 'asc' } })).map((e) => e.action);
}

afterAll(async () => {
  await resetSecondFactor({ user: await sessionUser('admin'), input: { userId: (await sessionUser(USERNAME)).id }, ip: null }).catch(() => {});
  await resetSignInThrottle(USERNAME);
});

describe('TOTP second factor', () => {
  test('enrol: a pending key changes nothing until a code confirms it; the recovery codes are stored hashed', async () => {
    const user = await sessionUser(USERNAME);
    await startSecondFactor({ user });
    const { pending } = await getOwnSecondFactor({ user });
    expect(pending!.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    await expect(signIn(undefined, '10.20.1.1')).resolves.toMatchObject({ username: USERNAME });
    await expect(confirmSecondFactor({ user, input: { code: '12345' }, ip: null })).rejects.toThrow('6 位动态验证码');
    await expect(confirmSecondFactor({ user, input: { code: codeAt(pending!.secret, -120) }, ip: null })).rejects.toThrow('动态验证码不正确');
    const { recoveryCodes } = await confirmSecondFactor({ user, input: { code: codeAt(pending!.secret) }, ip: '10.20.0.1' });
    expect(recoveryCodes).toHaveLength(10);
    const row = await testDb.user.findUniqueOrThrow({ where: { username: USERNAME } });
    expect(row).toMatchObject({ totpPendingSecret: null, totpEnabledAt: expect.any(Date) });
    // Stored sealed to this user: the database alone does not give the key, nor does it open in another row.
    expect(row.totpSecret).not.toContain(pending!.secret);
    expect(openSecret(row.totpSecret!, SECRET_CONTEXT.totp(user.id))).toBe(pending!.secret);
    expect(() => openSecret(row.totpSecret!, SECRET_CONTEXT.totp('another-user'))).toThrow();
    expect(row.totpRecoveryHashes).toHaveLength(10);
    expect(row.totpRecoveryHashes.join()).not.toContain(recoveryCodes[0]!.slice(0, 4));
    await expect(startSecondFactor({ user })).rejects.toThrow('已启用两步验证');
    expect(await auditActions()).toContain('account.secondFactor.enable');
    await resetSecondFactor({ user: await sessionUser('admin'), input: { userId: user.id }, ip: null });
  });

  test('sign-in asks for the code, takes each code once, and a wrong code counts toward the lock', async () => {
    const { secret, code } = await enrol();
    await expect(signIn(undefined, '10.20.2.1')).rejects.toThrow(SECOND_FACTOR_REQUIRED);
    // The code that confirmed the enrolment was used: replayed, it is refused.
    await expect(signIn(code, '10.20.2.1')).rejects.toThrow(SECOND_FACTOR_WRONG);
    await expect(signIn(codeAt(secret, 30), '10.20.2.1')).resolves.toMatchObject({ username: USERNAME });
    await expect(signIn(codeAt(secret, 30), '10.20.2.1')).rejects.toThrow(SECOND_FACTOR_WRONG);
    // A wrong password never reaches the code.
    await expect(verifyCredentials({ username: USERNAME, password: 'wrong-password', code: codeAt(secret, 30) }, '10.20.2.9')).rejects.toThrow('账号或密码错误');

    await resetSignInThrottle(USERNAME);
    for (let i = 0; i < SIGN_IN_THROTTLE.accountAddressFailures; i++) await expect(signIn('000000', '10.20.3.1')).rejects.toThrow(SECOND_FACTOR_WRONG);
    await expect(signIn(codeAt(secret, -30), '10.20.3.1')).rejects.toThrow('账号已锁定');
    await resetSignInThrottle(USERNAME);
    await resetSecondFactor({ user: await sessionUser('admin'), input: { userId: (await sessionUser(USERNAME)).id }, ip: null });
  });

  test('a recovery code signs in once and is audited', async () => {
    const { recoveryCodes } = await enrol();
    await expect(signIn(recoveryCodes[0]!.toLowerCase(), '10.20.4.1')).resolves.toMatchObject({ username: USERNAME });
    await expect(signIn(recoveryCodes[0]!, '10.20.4.1')).rejects.toThrow(SECOND_FACTOR_WRONG);
    expect((await testDb.user.findUniqueOrThrow({ where: { username: USERNAME } })).totpRecoveryHashes).toHaveLength(9);
    expect(await auditActions()).toContain('account.secondFactor.recoveryUsed');
    await resetSignInThrottle(USERNAME);
  });

  test('the office resets it (audited); others cannot, and units cannot enrol', async () => {
    const user = await sessionUser(USERNAME);
    const target = { userId: user.id };
    await expect(resetSecondFactor({ user: await sessionUser('leader'), input: target, ip: null })).rejects.toThrow('未找到');
    await expect(startSecondFactor({ user: await sessionUser('fgj_head') })).rejects.toThrow('无权执行启用两步验证');

    await resetSecondFactor({ user: await sessionUser('admin'), input: target, ip: '10.20.5.1' });
    expect(await auditActions()).toEqual(expect.arrayContaining(['account.secondFactor.reset']));
    const reset = await testDb.auditEvent.findFirstOrThrow({ where: { action: 'account.secondFactor.reset', entityId: user.id }, orderBy: { seq: 'desc' } });
    expect(reset).toMatchObject({ actorId: (await sessionUser('admin')).id, ip: '10.20.5.1' });
    await expect(signIn(undefined, '10.20.5.2')).resolves.toMatchObject({ username: USERNAME });
    await expect(resetSecondFactor({ user: await sessionUser('admin'), input: target, ip: null })).rejects.toThrow('未启用两步验证');
  });
});
