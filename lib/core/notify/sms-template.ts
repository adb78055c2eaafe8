/**
 * The SMS gateway adapter: a county's provider is described by an HTTP template (URL, method,
 * body with placeholders, and the text a successful answer contains). Placeholders: {{phone}},
 * {{text}}, {{id}} (the idempotency key, for providers that take a client message id) and
 * {{token}} (the channel's secret). Values are JSON-escaped in a JSON body, URL-encoded elsewhere.
 */
export type SmsTemplate = { url: string; method: 'GET' | 'POST'; contentType: 'json' | 'form'; body: string; successText: string };

export type SmsValues = { phone: string; text: string; id: string; token: string };

export function fillSmsTemplate(template: SmsTemplate, values: SmsValues) {
  const fill = (pattern: string, encode: (value: string) => string) => pattern.replace(/\{\{(phone|text|id|token)\}\}/g, (_, key: keyof SmsValues) => encode(values[key]));
  const url = fill(template.url, encodeURIComponent);
  if (template.method === 'GET') return { url, body: null, contentType: null };
  const body = template.contentType === 'json' ? fill(template.body, (value) => JSON.stringify(value).slice(1, -1)) : fill(template.body, encodeURIComponent);
  return { url, body, contentType: template.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' };
}

/** The provider accepted the message: a 2xx answer containing the configured success text. */
export function smsAccepted(status: number, responseText: string, successText: string) {
  return status >= 200 && status < 300 && (successText === '' || responseText.includes(successText));
}
