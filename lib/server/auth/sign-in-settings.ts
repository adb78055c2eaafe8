import 'server-only';
import { maskSecret } from '@/lib/core/notify/mask';
import { signInSettingsFormSchema } from '@/lib/core/schemas/sign-in-settings';
import { recordAuditEvents, type AuditInput } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { sealSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';
import { LOCAL_PASSWORDS_SETTING_KEY, localPasswordsAllowed, OIDC_SETTING_KEY, storedOidcSettings } from '@/lib/server/auth/oidc-sign-in';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** How the county signs in, for the office's page (/admin/sign-in): the client secret masked. */
export async function getSignInSettings({ user }: { user: SessionUser }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const [{ source, value }, localPasswords] = await Promise.all([storedOidcSettings(), localPasswordsAllowed()]);
  return {
    source,
    // From the environment, the provider is on when it is configured there at all.
    enabled: source === 'setting' ? value.enabled !== false : Boolean(value.issuer),
    issuer: text(value.issuer),
    clientId: text(value.clientId),
    clientSecret: maskSecret(text(value.clientSecret) || null),
    accountClaim: text(value.accountClaim) || 'preferred_username',
    label: text(value.label) || '统一身份认证',
    localPasswords,
  };
}

/**
 * 督查室 sets the identity provider and whether accounts other than the office's may sign in with
 * a password. Stored in the Setting rows the sign-in reads; audited without the secret.
 */
export async function updateSignInSettings({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { localPasswords, clientSecret, ...oidc } = parseInput(signInSettingsFormSchema, input);
  await db.$transaction(async (tx) => {
    const stored = await storedOidcSettings(tx);
    // A blank secret keeps the one in force (the page's, else the environment's).
    const secret = clientSecret || text(stored.value.clientSecret);
    if (oidc.enabled && !secret) throw new UserFacingError('请填写 client secret', 'INVALID', { clientSecret: ['请填写 client secret'] });
    const value = { ...oidc, clientSecret: secret ? sealSecret(secret, SECRET_CONTEXT.oidcClient) : '' };
    await tx.setting.upsert({ where: { key: OIDC_SETTING_KEY }, create: { key: OIDC_SETTING_KEY, value }, update: { value } });
    const passwordsBefore = await localPasswordsAllowed(tx);
    if (localPasswords) await tx.setting.deleteMany({ where: { key: LOCAL_PASSWORDS_SETTING_KEY } });
    else await tx.setting.upsert({ where: { key: LOCAL_PASSWORDS_SETTING_KEY }, create: { key: LOCAL_PASSWORDS_SETTING_KEY, value: false }, update: { value: false } });

    const { clientSecret: storedSecret, ...storedPublic } = stored.value;
    const events: AuditInput[] = [
      {
        actorId: user.id,
        action: 'signIn.oidc.update',
        entity: 'Setting',
        entityId: OIDC_SETTING_KEY,
        before: { ...storedPublic, source: stored.source, secretSet: Boolean(storedSecret) },
        after: { ...oidc, secretChanged: secret !== text(storedSecret) },
        ip,
      },
    ];
    if (passwordsBefore !== localPasswords) {
      events.push({ actorId: user.id, action: 'signIn.localPasswords.update', entity: 'Setting', entityId: LOCAL_PASSWORDS_SETTING_KEY, before: { localPasswords: passwordsBefore }, after: { localPasswords }, ip });
    }
    await recordAuditEvents(tx, events);
  });
}
