// Sign-in through the county's identity provider: a real OpenID Connect provider (oidc-provider)
// runs in this spec on loopback; the app reads its settings from the Setting table on each request.
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import Provider from 'oidc-provider';
import { e2eDb } from './fixtures';
import { signOut } from './helpers';

const ISSUER_PORT = Number(process.env.E2E_OIDC_PORT ?? 4790);
const ISSUER = `http://localhost:${ISSUER_PORT}`;
const LABEL = '县统一身份认证';
let server: Server;

test.beforeAll(async ({ baseURL }) => {
  const provider = new Provider(ISSUER, {
    clients: [{ client_id: 'luoshi', client_secret: 'luoshi-e2e-secret', redirect_uris: [`${baseURL}/api/auth/callback/oidc`] }],
    // Any login is accepted by the provider's development screens; the account is its login.
    async findAccount(_context, id) {
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: id }) };
    },
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    conformIdTokenClaims: false, // the account name in the ID token, which next-auth reads
  });
  server = provider.listen(ISSUER_PORT);
  await e2eDb().setting.upsert({
    where: { key: 'oidc' },
    create: { key: 'oidc', value: { issuer: ISSUER, clientId: 'luoshi', clientSecret: 'luoshi-e2e-secret', label: LABEL } },
    update: { value: { issuer: ISSUER, clientId: 'luoshi', clientSecret: 'luoshi-e2e-secret', label: LABEL } },
  });
});

test.afterAll(async () => {
  await e2eDb().setting.deleteMany({ where: { key: 'oidc' } });
  await new Promise((resolve) => server.close(resolve));
});

async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.goto('/login');
  await page.getByRole('button', { name: LABEL }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a linked account signs in through the identity provider and lands on its home; an unknown identity is refused', async ({ page }) => {
  await signInAtProvider(page, 'fgj_head');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: '本单位' })).toBeVisible();
  const user = await e2eDb().user.findUniqueOrThrow({ where: { username: 'fgj_head' }, select: { id: true, oidcSubject: true } });
  expect(user.oidcSubject).toBe(`${ISSUER}#fgj_head`);
  expect(await e2eDb().userSession.count({ where: { userId: user.id, revokedAt: null } })).toBeGreaterThan(0);
  await signOut(page);

  await page.context().clearCookies();
  await signInAtProvider(page, 'stranger');
  await expect(page.getByTestId('login-error').first()).toHaveText(/未在落实中开通或未关联/);
  expect(await e2eDb().user.count({ where: { username: 'stranger' } })).toBe(0);
});
