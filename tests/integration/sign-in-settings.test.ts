// The office's sign-in page (/admin/sign-in) and its identity links on the user page: validated in
// Chinese, stored in the Setting rows the sign-in reads, audited without the secret, office only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkOidcIdentity, unlinkOidcIdentity } from '@/lib/server/accounts/link-oidc-identity';
import { localPasswordsAllowed, readOidcSettings, resolveOidcUser } from '@/lib/server/auth/oidc-sign-in';
import { getSignInSettings, updateSignInSettings } from '@/lib/server/auth/sign-in-settings';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { sessionUser, testDb } from '../support/db';

const ISSUER = 'https://id.example.gov.cn';
const form = (fields: Record<string, string> = {}) => ({
  enabled: 'on',
  issuer: ISSUER,
  clientId: 'luoshi',
  clientSecret: '',
  accountClaim: 'employee_id',
  label: '县统一认证',
  localPasswords: 'on',
  ...fields,
});

let admin: SessionUser;

async function cleanUp() {
  await testDb.setting.deleteMany({ where: { key: { in: ['oidc', 'localPasswords'] } } });
  await testDb.user.updateMany({ where: { oidcSubject: { not: null } }, data: { oidcSubject: null } });
}

beforeAll(async () => {
  admin = await sessionUser('admin');
  await cleanUp();
});
afterAll(cleanUp);

const lastAudit = (action: string) => testDb.auditEvent.findFirst({ where: { action }, orderBy: { seq: 'desc' } });

describe('the office sets how the county signs in', () => {
  test('validation in Chinese: issuer, client id, a secret when none is stored, passwords only off with the provider on', async () => {
    const refusal = (fields: Record<string, string>) => updateSignInSettings({ user: admin, input: form(fields), ip: null }).then(() => null, (error) => error.fieldErrors);
    await expect(refusal({ issuer: 'id.example.gov.cn' })).resolves.toMatchObject({ issuer: ['签发方（issuer）应为 http(s):// 地址'] });
    await expect(refusal({ issuer: '', clientId: '' })).resolves.toMatchObject({ issuer: ['启用统一身份认证须填写签发方（issuer）'], clientId: ['请填写 client id'] });
    await expect(refusal({})).resolves.toEqual({ clientSecret: ['请填写 client secret'] });
    await expect(refusal({ enabled: '', localPasswords: '' })).resolves.toEqual({ localPasswords: ['未启用统一身份认证时不能关闭账号密码登录'] });
    await expect(refusal({ accountClaim: 'employee id' })).resolves.toMatchObject({ accountClaim: [expect.stringContaining('声明名称')] });
    expect(await testDb.setting.count({ where: { key: { in: ['oidc', 'localPasswords'] } } })).toBe(0);
  });

  test('saved to the rows the sign-in reads; a blank secret keeps the stored one, shown only masked; audited without it', async () => {
    await updateSignInSettings({ user: admin, input: form({ clientSecret: 'first-secret-0123456789' }), ip: '10.1.1.1' });
    expect(await readOidcSettings()).toMatchObject({ issuer: ISSUER, clientId: 'luoshi', clientSecret: 'first-secret-0123456789', accountClaim: 'employee_id', label: '县统一认证' });
    const page = await getSignInSettings({ user: admin });
    expect(page).toMatchObject({ source: 'setting', enabled: true, issuer: ISSUER, clientSecret: '已设置（…6789）', localPasswords: true });
    expect(JSON.stringify(page)).not.toContain('first-secret');
    // Stored sealed: the setting row alone does not reveal the client secret.
    expect(JSON.stringify(await testDb.setting.findUniqueOrThrow({ where: { key: 'oidc' } }))).not.toContain('first-secret');

    await updateSignInSettings({ user: admin, input: form({ clientId: 'luoshi-2', localPasswords: '' }), ip: null });
    expect(await readOidcSettings()).toMatchObject({ clientId: 'luoshi-2', clientSecret: 'first-secret-0123456789' });
    expect(await localPasswordsAllowed()).toBe(false);
    const update = await lastAudit('signIn.oidc.update');
    expect(update).toMatchObject({ actorId: admin.id, entity: 'Setting', entityId: 'oidc', after: expect.objectContaining({ clientId: 'luoshi-2', secretChanged: false }) });
    expect(JSON.stringify([update?.before, update?.after])).not.toContain('first-secret');
    expect(await lastAudit('signIn.localPasswords.update')).toMatchObject({ before: { localPasswords: true }, after: { localPasswords: false } });

    // Switched off: the sign-in no longer offers the provider, and what was entered stays for later.
    await updateSignInSettings({ user: admin, input: form({ enabled: '' }), ip: null });
    expect(await readOidcSettings()).toBeNull();
    expect(await localPasswordsAllowed()).toBe(true);
    expect(await getSignInSettings({ user: admin })).toMatchObject({ enabled: false, clientId: 'luoshi', clientSecret: '已设置（…6789）' });
  });

  test('other roles neither read nor change it', async () => {
    const before = await testDb.setting.findMany({ where: { key: { in: ['oidc', 'localPasswords'] } } });
    for (const username of ['leader', 'fgj_head', 'fgj_staff']) {
      const user = await sessionUser(username);
      await expect(getSignInSettings({ user })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(updateSignInSettings({ user, input: form({ clientSecret: 'stolen', localPasswords: '' }), ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await testDb.setting.findMany({ where: { key: { in: ['oidc', 'localPasswords'] } } })).toEqual(before);
  });
});

describe('the office links and unlinks an external identity on the user page', () => {
  test('linked by subject, then the sign-in finds the account whatever name the claim carries; unlinked again; audited', async () => {
    await updateSignInSettings({ user: admin, input: form({ clientSecret: 's' }), ip: null });
    const target = await testDb.user.findUniqueOrThrow({ where: { username: 'jyj_staff' } });
    await expect(linkOidcIdentity({ user: admin, input: { userId: target.id, subject: ' ' }, ip: null })).rejects.toMatchObject({ fieldErrors: { subject: ['请填写统一身份认证账号的标识（sub）'] } });

    await linkOidcIdentity({ user: admin, input: { userId: target.id, subject: 'zhang.san' }, ip: null });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).oidcSubject).toBe(`${ISSUER}#zhang.san`);
    const settings = (await readOidcSettings())!;
    expect((await resolveOidcUser({ settings, claims: { sub: 'zhang.san', employee_id: 'E-001' } })).username).toBe('jyj_staff');
    expect(await lastAudit('account.oidc.link')).toMatchObject({ entity: 'User', entityId: target.id, before: { oidcSubject: null }, after: { oidcSubject: `${ISSUER}#zhang.san` } });

    // One identity, one account.
    const other = await testDb.user.findUniqueOrThrow({ where: { username: 'jyj_head' } });
    await expect(linkOidcIdentity({ user: admin, input: { userId: other.id, subject: 'zhang.san' }, ip: null })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('jyj_staff') });

    await unlinkOidcIdentity({ user: admin, input: { userId: target.id }, ip: null });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).oidcSubject).toBeNull();
    expect(await lastAudit('account.oidc.unlink')).toMatchObject({ entityId: target.id, before: { oidcSubject: `${ISSUER}#zhang.san` }, after: { oidcSubject: null } });
    await expect(unlinkOidcIdentity({ user: admin, input: { userId: target.id }, ip: null })).rejects.toThrow('该账号未关联统一身份认证');
    await expect(resolveOidcUser({ settings, claims: { sub: 'zhang.san', employee_id: 'E-001' } })).rejects.toMatchObject({ code: 'OidcUnknownAccount' });
  });

  test('refused for other roles and without a configured provider', async () => {
    const target = await testDb.user.findUniqueOrThrow({ where: { username: 'jyj_staff' } });
    for (const username of ['leader', 'jyj_head', 'jyj_staff']) {
      const user = await sessionUser(username);
      await expect(linkOidcIdentity({ user, input: { userId: target.id, subject: 'x' }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(unlinkOidcIdentity({ user, input: { userId: target.id }, ip: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await testDb.setting.deleteMany({ where: { key: 'oidc' } });
    await expect(linkOidcIdentity({ user: admin, input: { userId: target.id, subject: 'x' }, ip: null })).rejects.toThrow('尚未启用统一身份认证');
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).oidcSubject).toBeNull();
  });
});
