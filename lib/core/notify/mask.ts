import { CHANNEL_URL_FIELDS } from '@/lib/core/schemas/notify';

/** How a stored secret is shown back: never in full, at most its last 4 characters when long. */
export function maskSecret(secret: string | null): string {
  if (!secret) return '未设置';
  return secret.length >= 16 ? `已设置（…${secret.slice(-4)}）` : '已设置';
}

/** A webhook URL with its query values (robot access tokens, keys) cut to their first 4 characters. */
export function maskUrl(text: string): string {
  if (!URL.canParse(text)) return '（地址无效）';
  const url = new URL(text);
  for (const [key, value] of [...url.searchParams]) url.searchParams.set(key, value.length > 4 ? `${value.slice(0, 4)}…` : '…');
  if (url.password) url.password = '…';
  return decodeURI(url.toString());
}

/** A channel's config for the audit log: webhook URLs carry access tokens, so they are masked as on the page. */
export function maskChannelConfig(config: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, (CHANNEL_URL_FIELDS as readonly string[]).includes(key) && typeof value === 'string' ? maskUrl(value) : value]));
}
