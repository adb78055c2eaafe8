import 'server-only';
import { db, type Db, type Tx } from '@/lib/server/db';
import { serverEnv } from '@/lib/platform/env';
import { openSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { oidcSettingsSchema, type OidcRefusal, type OidcSettings } from '@/lib/core/schemas/sign-in-settings';

export const OIDC_SETTING_KEY = 'oidc';

/** The identity provider's settings: the Setting table's `oidc` row, else LUOSHI_OIDC_*; null when not configured or switched off. */
export async function readOidcSettings(client: Db | Tx = db): Promise<OidcSettings | null> {
  const parsed = oidcSettingsSchema.safeParse((await storedOidcSettings(client)).value);
  return parsed.success && parsed.data.enabled ? parsed.data : null;
}

/** The `oidc` row as stored (the office's page, its client secret opened), else the LUOSHI_OIDC_* environment; unvalidated. */
export async function storedOidcSettings(client: Db | Tx = db): Promise<{ source: 'setting' | 'env'; value: Record<string, unknown> }> {
  const row = await client.setting.findUnique({ where: { key: OIDC_SETTING_KEY } });
  if (row && typeof row.value === 'object' && row.value !== null && !Array.isArray(row.value)) {
    const value = row.value as Record<string, unknown>;
    return { source: 'setting', value: typeof value.clientSecret === 'string' ? { ...value, clientSecret: openSecret(value.clientSecret, SECRET_CONTEXT.oidcClient) } : value };
  }
  const env = serverEnv();
  return {
    source: 'env',
    value: {
      issuer: env.LUOSHI_OIDC_ISSUER,
      clientId: env.LUOSHI_OIDC_CLIENT_ID,
      clientSecret: env.LUOSHI_OIDC_CLIENT_SECRET,
      accountClaim: env.LUOSHI_OIDC_ACCOUNT_CLAIM,
      label: env.LUOSHI_OIDC_LABEL,
    },
  };
}

export class OidcSignInRefused extends Error {
  constructor(readonly code: OidcRefusal) {
    super(code);
  }
}

/** The stored link: the issuer and its `sub`, so two providers' subjects never collide. */
export const oidcSubjectKey = (issuer: string, subject: string) => `${issuer}#${subject}`;

/**
 * The luoshi account an identity-provider sign-in belongs to: the account linked to this subject
 * (by the office on the user page, or by an earlier sign-in), else the active account whose name
 * the configured claim carries — which is then linked. Unknown identities are refused, never created.
 */
export async function resolveOidcUser({ settings, claims }: { settings: OidcSettings; claims: Record<string, unknown> }): Promise<SessionUser> {
  const subject = typeof claims.sub === 'string' && claims.sub ? oidcSubjectKey(settings.issuer, claims.sub) : null;
  const accountName = claims[settings.accountClaim];
  const select = { id: true, username: true, name: true, role: true, unitId: true, active: true, oidcSubject: true } as const;
  const linked = subject ? await db.user.findUnique({ where: { oidcSubject: subject }, select }) : null;
  const user = linked ?? (typeof accountName === 'string' && accountName ? await db.user.findUnique({ where: { username: accountName }, select }) : null);
  if (!user || !subject) throw new OidcSignInRefused('OidcUnknownAccount');
  // An account linked to another identity is not taken over by a matching name.
  if (!linked && user.oidcSubject !== null) throw new OidcSignInRefused('OidcUnknownAccount');
  if (!user.active) throw new OidcSignInRefused('OidcInactive');
  if (!linked) await db.user.update({ where: { id: user.id }, data: { oidcSubject: subject } });
  return { id: user.id, username: user.username, name: user.name, role: user.role, unitId: user.unitId };
}

export const LOCAL_PASSWORDS_SETTING_KEY = 'localPasswords';

/** Whether accounts other than the office's may sign in with a password (the office may turn it off). */
export async function localPasswordsAllowed(client: Db | Tx = db): Promise<boolean> {
  const row = await client.setting.findUnique({ where: { key: LOCAL_PASSWORDS_SETTING_KEY } });
  return row?.value !== false;
}

/** A password sign-in may go ahead: local passwords are on, or the account is the office's (its way back in). */
export async function passwordSignInAllowed(username: unknown): Promise<boolean> {
  if (await localPasswordsAllowed()) return true;
  if (typeof username !== 'string' || !username) return false;
  const user = await db.user.findUnique({ where: { username: username.trim() }, select: { role: true } });
  return user?.role === 'ADMIN';
}
