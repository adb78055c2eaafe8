// Secrets luoshi must use again are stored sealed (lib/platform/keys/secret-box.ts): a copy of the
// database alone reveals none of them, and `npm run secrets:seal` seals what an older version stored in clear.
import { afterAll, describe, expect, test } from 'vitest';
import { openSecret, sealSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';
import { readOidcSettings } from '@/lib/server/auth/oidc-sign-in';
import { sealStoredSecrets } from '@/lib/server/installation/seal-stored-secrets';
import { openChannel } from '@/lib/server/notifications/channel-secrets';
import { testDb } from '../support/db';

const USERNAME = 'leader3';

afterAll(async () => {
  await testDb.setting.deleteMany({ where: { key: 'oidc' } });
  await testDb.user.update({ where: { username: USERNAME }, data: { totpSecret: null, totpPendingSecret: null } });
});

describe('sealed secrets', () => {
  test('a sealed value opens only with its own context, and a changed byte is refused', () => {
    const sealed = sealSecret('robot-secret', SECRET_CONTEXT.notifyChannel('a'));
    expect(sealed).not.toContain('robot-secret');
    expect(openSecret(sealed, SECRET_CONTEXT.notifyChannel('a'))).toBe('robot-secret');
    expect(() => openSecret(sealed, SECRET_CONTEXT.notifyChannel('b'))).toThrow();
    const body = sealed.slice(sealed.lastIndexOf('.') + 1);
    const flipped = `${sealed.slice(0, sealed.lastIndexOf('.') + 1)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => openSecret(flipped, SECRET_CONTEXT.notifyChannel('a'))).toThrow();
  });

  test('secrets:seal seals what an older version stored in clear, keeps them usable, and a second run changes nothing', async () => {
    const channel = await testDb.notifyChannel.create({
      data: { kind: 'DINGTALK', name: `旧版钉钉-${Date.now()}`, config: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=plaintoken99' }, secret: 'SECplain-secret-1234' },
    });
    await testDb.setting.upsert({
      where: { key: 'oidc' },
      create: { key: 'oidc', value: { issuer: 'https://idp.example.gov.cn', clientId: 'luoshi', clientSecret: 'plain-client-secret', accountClaim: 'preferred_username', label: '统一认证' } },
      update: { value: { issuer: 'https://idp.example.gov.cn', clientId: 'luoshi', clientSecret: 'plain-client-secret', accountClaim: 'preferred_username', label: '统一认证' } },
    });
    const user = await testDb.user.update({ where: { username: USERNAME }, data: { totpSecret: 'JBSWY3DPEHPK3PXP' } });

    const first = await testDb.$transaction((tx) => sealStoredSecrets(tx));
    expect(first).toMatchObject({ oidc: 1 });
    expect(first.channels).toBeGreaterThanOrEqual(1);
    expect(first.users).toBeGreaterThanOrEqual(1);

    const storedChannel = await testDb.notifyChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(JSON.stringify(storedChannel)).not.toMatch(/plaintoken99|SECplain/);
    expect(openChannel(storedChannel)).toMatchObject({ secret: 'SECplain-secret-1234', config: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=plaintoken99' } });
    expect(JSON.stringify(await testDb.setting.findUniqueOrThrow({ where: { key: 'oidc' } }))).not.toContain('plain-client-secret');
    expect(await readOidcSettings()).toMatchObject({ clientSecret: 'plain-client-secret' });
    const storedUser = await testDb.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(storedUser.totpSecret).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(storedUser.totpSecret!, SECRET_CONTEXT.totp(user.id))).toBe('JBSWY3DPEHPK3PXP');

    await expect(testDb.$transaction((tx) => sealStoredSecrets(tx))).resolves.toEqual({ channels: 0, oidc: 0, users: 0 });
    expect((await testDb.notifyChannel.findUniqueOrThrow({ where: { id: channel.id } })).secret).toBe(storedChannel.secret);
  });
});
