import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 钉钉 custom robot 加签: base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)),
 * sent URL-encoded as `&timestamp=…&sign=…`; 钉钉 refuses a timestamp more than an hour off.
 */
export function dingtalkSign(timestampMs: number, secret: string) {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function dingtalkSignedUrl(webhookUrl: string, timestampMs: number, secret: string | null) {
  if (!secret) return webhookUrl;
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(timestampMs, secret));
  return url.toString();
}

/** The generic webhook's `X-Luoshi-Signature`: `sha256=` hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function webhookSignature(timestampSeconds: number, body: string, secret: string) {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** What a receiving system runs to check a webhook (documented in the README). */
export function verifyWebhookSignature(timestampSeconds: number, body: string, secret: string, header: string) {
  const expected = Buffer.from(webhookSignature(timestampSeconds, body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
