import { createHash } from 'node:crypto';
import { shanghaiDayNumber, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';

/**
 * The rendered-page cache's rules (lib/platform/page-server.ts applies them). A page is kept with
 * the database snapshot read before it was rendered (PostgreSQL's `pg_current_snapshot()`: which
 * transactions have ended) and served again only to the same request while that snapshot is still
 * current: any write committed by any server since, or begun and not yet ended, makes it stale.
 * What a page shows besides the database (the signed-in session's lifetime, the calendar day) bounds
 * how long it is kept.
 */

/** Response header saying how the cache answered: `hit`, `miss`, or `refresh` (the client asked for a fresh page). */
export const PAGE_CACHE_HEADER = 'x-luoshi-page-cache';

/**
 * The everyday views. Each reads only the database, the session and the URL (the office's
 * settings pages, the audit and integrity pages, which read keys and files, are not here).
 */
const CACHED_PATH = /^\/(?:|tasks|tasks\/(?!new$)[^/]+|reports|notifications|ranking|plans|plans\/[^/]+|bulletins|bulletins\/[^/]+|commitments|account)$/;

/**
 * Request headers a page may differ by besides its URL: who asks (the session cookie, or a bearer
 * token), which site (host and forwarded scheme), and what Next varies on (a navigation's payload
 * against the document, the router's state, prefetches; the user agent, for bots).
 */
const KEYED_HEADERS = [
  'cookie',
  'authorization',
  'host',
  'x-forwarded-host',
  'x-forwarded-proto',
  'accept',
  'user-agent',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
] as const;

/** Longest a page is kept even when nothing changed, for whatever a render reads of the clock. */
export const PAGE_MAX_AGE_MS = 10 * 60_000;

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

export type PageCachePlan = { key: string; refresh: boolean };

/**
 * Whether a request may be answered from the cache, and under which key: GETs of the everyday views
 * only. `refresh` when the client asked for a fresh copy (a browser's hard reload sends
 * `Cache-Control: no-cache`): the page is rendered and kept, not served from the cache.
 */
export function pageCachePlan(method: string | undefined, url: string | undefined, headers: RequestHeaders): PageCachePlan | null {
  // Signed out, a page only redirects to the sign-in page: nothing to keep, no snapshot to read.
  if (method !== 'GET' || !url || (!headers.cookie && !headers.authorization)) return null;
  const query = url.indexOf('?');
  if (!CACHED_PATH.test(query === -1 ? url : url.slice(0, query))) return null;
  const hash = createHash('sha256').update(url);
  for (const name of KEYED_HEADERS) {
    const value = headers[name];
    hash.update(`\n${name}:${Array.isArray(value) ? value.join('\n ') : (value ?? '')}`);
  }
  const refresh = /(^|,)\s*no-cache\s*($|,)/i.test(String(headers['cache-control'] ?? '')) || /no-cache/i.test(String(headers.pragma ?? ''));
  return { key: hash.digest('base64url'), refresh };
}

/** Response headers not kept with a page: they belong to one response and its connection. */
const UNKEPT_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date', 'x-request-id', PAGE_CACHE_HEADER]);

export type KeptHeaders = ReadonlyArray<readonly [string, string | string[]]>;

/**
 * The headers to keep with a rendered response, or null when it must not be kept: anything but a
 * 200 page or navigation payload, and any response that sets a cookie.
 */
export function keptPageHeaders(status: number, headers: Readonly<Record<string, number | string | string[] | undefined>>): KeptHeaders | null {
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  const type = String(headers['content-type'] ?? '');
  if (!/^(text\/html|text\/x-component)\b/.test(type)) return null;
  const kept: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value !== undefined && !UNKEPT_HEADERS.has(lower)) kept.push([lower, typeof value === 'number' ? String(value) : value]);
  }
  return kept;
}

/** The nonce in a Content-Security-Policy (lib/core/security/headers.ts puts one in script-src), or null. */
export function nonceOfPolicy(policy: string | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? '')?.[1] ?? null;
}

/**
 * A kept page re-issued under a new nonce: a nonce must not repeat across responses, so every
 * occurrence of the rendered one (the policy, the inline scripts) is replaced. Its headers come
 * back with the policy changed; a page without a nonce comes back as kept.
 */
export function reissuePage(body: Buffer, headers: KeptHeaders, nonce: string): { body: Buffer; headers: KeptHeaders } {
  const policy = headers.find(([name]) => name === 'content-security-policy')?.[1];
  const old = nonceOfPolicy(typeof policy === 'string' ? policy : undefined);
  if (!old) return { body, headers };
  return {
    body: replaceAll(body, Buffer.from(old), Buffer.from(nonce)),
    headers: headers.map(([name, value]) => [name, typeof value === 'string' ? value.split(old).join(nonce) : value] as const),
  };
}

function replaceAll(body: Buffer, from: Buffer, to: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(from); at !== -1; at = body.indexOf(from, start)) {
    parts.push(body.subarray(start, at), to);
    start = at + from.length;
  }
  if (start === 0) return body;
  parts.push(body.subarray(start));
  return Buffer.concat(parts);
}

/**
 * Until when a page rendered at `renderedAt` may be served: not past the signed-in session's end
 * (server side and cookie), nor into the next calendar day in Shanghai (lights and 序时进度 are by
 * day), nor longer than PAGE_MAX_AGE_MS.
 */
export function pageFreshUntil(renderedAt: Date, sessionEndsAt: readonly Date[]): number {
  const nextMidnight = shanghaiMidnight(shanghaiDayNumber(renderedAt) + 1).getTime();
  return Math.min(renderedAt.getTime() + PAGE_MAX_AGE_MS, nextMidnight, ...sessionEndsAt.map((end) => end.getTime()));
}
