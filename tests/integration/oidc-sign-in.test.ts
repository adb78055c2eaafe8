import { afterAll, describe, expect, test } from 'vitest';
import { localPasswordsAllowed, readOidcSettings, resolveOidcUser } from '@/lib/server/auth/oidc-sign-in';
import { authOptions } from '@/lib/server/auth/options';
import { oidcSettingsSchema } from '@/lib/core/schemas/sign-in-settings';
import { databaseKind, testDb } from '../support/db';

const settings = oidcSettingsSchema.parse({ issuer: 'https://id.example.gov.cn', clientId: 'luoshi', clientSecret: 's' });

async function resetLinks() {
  await testDb.user.updateMany({ where: { oidcSubject: { not: null } }, data: { oidcSubject: null } });
}

afterAll(async () => {
  await resetLinks();
  await testDb.setting.deleteMany({ where: { key: { in: ['oidc', 'localPasswords'] } } });
});

describe(`sign-in through the county identity provider (${databaseKind} PostgreSQL)`, () => {
  test('settings come from the Setting table; without them there is no identity provider', async () => {
    expect(await readOidcSettings()).toBeNull();
    await testDb.setting.create({ data: { key: 'oidc', value: { issuer: 'https://id.example.gov.cn', clientId: 'luoshi', clientSecret: 's', accountClaim: 'employee_id' } } });
    expect(await readOidcSettings()).toMatchObject({ issuer: 'https://id.example.gov.cn', accountClaim: 'employee_id', label: '统一身份认证' });
    await testDb.setting.update({ where: { key: 'oidc' }, data: { value: { issuer: 'not a url', clientId: 'x', clientSecret: 'y' } } });
    expect(await readOidcSettings()).toBeNull();
  });

  test('an identity is linked by the account name in the configured claim, then by its subject; unknown ones are refused, never created', async () => {
    await resetLinks();
    const user = await resolveOidcUser({ settings, claims: { sub: 'u-1', preferred_username: 'fgj_head' } });
    expect(user.username).toBe('fgj_head');
    expect((await testDb.user.findUniqueOrThrow({ where: { username: 'fgj_head' } })).oidcSubject).toBe('https://id.example.gov.cn#u-1');
    // Linked: the subject decides, whatever name the claim carries later.
    expect((await resolveOidcUser({ settings, claims: { sub: 'u-1', preferred_username: 'renamed' } })).username).toBe('fgj_head');

    const users = await testDb.user.count();
    await expect(resolveOidcUser({ settings, claims: { sub: 'u-2', preferred_username: 'stranger' } })).rejects.toMatchObject({ code: 'OidcUnknownAccount' });
    await expect(resolveOidcUser({ settings, claims: { sub: 'u-3' } })).rejects.toMatchObject({ code: 'OidcUnknownAccount' });
    // An account linked to one identity is not taken over by another carrying its name.
    await expect(resolveOidcUser({ settings, claims: { sub: 'u-4', preferred_username: 'fgj_head' } })).rejects.toMatchObject({ code: 'OidcUnknownAccount' });
    expect(await testDb.user.count()).toBe(users);

    await testDb.user.update({ where: { username: 'fgj_staff' }, data: { active: false } });
    try {
      await expect(resolveOidcUser({ settings, claims: { sub: 'u-5', preferred_username: 'fgj_staff' } })).rejects.toMatchObject({ code: 'OidcInactive' });
    } finally {
      await testDb.user.update({ where: { username: 'fgj_staff' }, data: { active: true } });
    }
  });

  test('with local passwords turned off only the office signs in with a password', async () => {
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }).options.authorize;
    const attempt = (username: string) => authorize({ username, password: 'luoshi2024' }, { headers: { 'x-forwarded-for': '10.5.5.5' } });
    expect(await localPasswordsAllowed()).toBe(true);
    await expect(attempt('jyj_staff')).resolves.toMatchObject({ username: 'jyj_staff' });
    await testDb.setting.create({ data: { key: 'localPasswords', value: false } });
    expect(await localPasswordsAllowed()).toBe(false);
    await expect(attempt('jyj_staff')).rejects.toThrow('本县已改用统一身份认证登录，请点击下方按钮登录');
    await expect(authorize({ username: 'jyj_staff', password: 'wrong' }, { headers: {} })).rejects.toThrow('本县已改用统一身份认证登录');
    await expect(attempt('admin')).resolves.toMatchObject({ username: 'admin' });
  });
});
