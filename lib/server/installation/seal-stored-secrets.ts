import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { isSealedSecret, sealSecret, SECRET_CONTEXT } from '@/lib/platform/keys/secret-box';
import { CHANNEL_URL_FIELDS } from '@/lib/core/schemas/notify';
import { OIDC_SETTING_KEY } from '@/lib/server/auth/oidc-sign-in';
import { sealChannelFields } from '@/lib/server/notifications/channel-secrets';

const plain = (value: unknown): value is string => typeof value === 'string' && value !== '' && !isSealedSecret(value);

/**
 * Once, after upgrading an installation whose secrets were stored before they were encrypted:
 * seals every plain channel secret and robot URL, the identity provider's client secret and the
 * authenticator keys. Values already sealed are left alone, so a second run changes nothing.
 */
export async function sealStoredSecrets(tx: Tx) {
  let channels = 0;
  for (const channel of await tx.notifyChannel.findMany()) {
    const config = channel.config as Record<string, unknown>;
    const urls = Object.fromEntries(CHANNEL_URL_FIELDS.filter((field) => plain(config[field])).map((field) => [field, config[field]]));
    const secret = plain(channel.secret) ? channel.secret : null;
    if (Object.keys(urls).length === 0 && !secret) continue;
    const sealed = sealChannelFields(channel.id, { config: urls, secret });
    await tx.notifyChannel.update({ where: { id: channel.id }, data: { config: { ...(config as Prisma.InputJsonObject), ...sealed.config }, ...(sealed.secret ? { secret: sealed.secret } : {}) } });
    channels += 1;
  }

  let oidc = 0;
  const setting = await tx.setting.findUnique({ where: { key: OIDC_SETTING_KEY } });
  const value = setting?.value as Record<string, unknown> | null | undefined;
  if (value && typeof value === 'object' && plain(value.clientSecret)) {
    await tx.setting.update({ where: { key: OIDC_SETTING_KEY }, data: { value: { ...value, clientSecret: sealSecret(value.clientSecret, SECRET_CONTEXT.oidcClient) } } });
    oidc = 1;
  }

  let users = 0;
  for (const user of await tx.user.findMany({ where: { OR: [{ totpSecret: { not: null } }, { totpPendingSecret: { not: null } }] }, select: { id: true, totpSecret: true, totpPendingSecret: true } })) {
    const context = SECRET_CONTEXT.totp(user.id);
    const data = {
      ...(plain(user.totpSecret) ? { totpSecret: sealSecret(user.totpSecret, context) } : {}),
      ...(plain(user.totpPendingSecret) ? { totpPendingSecret: sealSecret(user.totpPendingSecret, context) } : {}),
    };
    if (Object.keys(data).length === 0) continue;
    await tx.user.update({ where: { id: user.id }, data });
    users += 1;
  }
  return { channels, oidc, users };
}
