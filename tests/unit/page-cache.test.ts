import { describe, expect, it } from 'vitest';
import { sharedNextRead } from '@/lib/core/async/shared-next-read';
import { keptPageHeaders, nonceOfPolicy, PAGE_CACHE_HEADER, PAGE_MAX_AGE_MS, pageCachePlan, pageFreshUntil, reissuePage } from '@/lib/core/net/page-cache';
import { freshNonce } from '@/lib/core/net/request-id';
import { contentSecurityPolicy } from '@/lib/core/security/headers';

const session = { cookie: 'next-auth.session-token=aaa', host: 'luoshi.example', accept: 'text/html' };

describe('which requests the page cache answers', () => {
  it('GETs of the everyday views, with or without a query', () => {
    for (const url of ['/', '/tasks', '/tasks?light=red&page=3', '/tasks/0b5c1e0a-1', '/reports', '/notifications', '/ranking?year=2026', '/plans', '/plans/p1', '/bulletins', '/bulletins/b1', '/commitments', '/account']) {
      expect(pageCachePlan('GET', url, session), url).not.toBeNull();
    }
  });

  it('nothing else: other methods, forms, settings, audit, downloads, the API, sign-in', () => {
    expect(pageCachePlan('POST', '/tasks', session)).toBeNull();
    expect(pageCachePlan('HEAD', '/tasks', session)).toBeNull();
    expect(pageCachePlan('GET', undefined, session)).toBeNull();
    // Signed out: no cookie and no bearer token.
    expect(pageCachePlan('GET', '/tasks', { host: session.host, accept: session.accept })).toBeNull();
    expect(pageCachePlan('GET', '/tasks', { host: session.host, authorization: 'Bearer x' })).not.toBeNull();
    for (const url of ['/tasks/new', '/tasks/t1/edit', '/admin', '/admin/users', '/audit', '/verify', '/assessment', '/account/tokens', '/account/password', '/login', '/api/tasks/export', '/api/auth/session', '/tasks/', '//tasks', '/commitments/u1/2026']) {
      expect(pageCachePlan('GET', url, session), url).toBeNull();
    }
  });

  it('keys by the URL and by every header the page can differ by', () => {
    const key = (url: string, headers: Record<string, string>) => pageCachePlan('GET', url, headers)!.key;
    const base = key('/tasks', session);
    expect(key('/tasks', { ...session })).toBe(base);
    expect(key('/tasks?page=2', session)).not.toBe(base);
    for (const [name, value] of Object.entries({
      cookie: 'next-auth.session-token=bbb',
      authorization: 'Bearer x',
      host: 'other.example',
      'x-forwarded-proto': 'https',
      rsc: '1',
      'next-router-state-tree': '%5B%22%22%5D',
      'next-router-prefetch': '1',
      'user-agent': 'Googlebot',
    })) {
      expect(key('/tasks', { ...session, [name]: value }), name).not.toBe(base);
    }
    // Headers no page reads do not split the cache.
    expect(key('/tasks', { ...session, 'x-request-id': 'abcdefgh1234', 'accept-encoding': 'gzip' })).toBe(base);
  });

  it('a hard reload (Cache-Control or Pragma no-cache) asks for a fresh page', () => {
    expect(pageCachePlan('GET', '/', session)!.refresh).toBe(false);
    expect(pageCachePlan('GET', '/', { ...session, 'cache-control': 'no-cache' })!.refresh).toBe(true);
    expect(pageCachePlan('GET', '/', { ...session, 'cache-control': 'max-age=0, no-cache' })!.refresh).toBe(true);
    expect(pageCachePlan('GET', '/', { ...session, pragma: 'no-cache' })!.refresh).toBe(true);
    expect(pageCachePlan('GET', '/', { ...session, 'cache-control': 'max-age=0' })!.refresh).toBe(false);
  });
});

describe('which responses are kept', () => {
  const html = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'nonce-abc'", vary: 'rsc' };

  it('a 200 page or navigation payload, without what belongs to one response', () => {
    const kept = keptPageHeaders(200, { ...html, 'content-length': 10, date: 'x', 'x-request-id': 'r', connection: 'keep-alive', 'transfer-encoding': 'chunked', [PAGE_CACHE_HEADER]: 'miss', 'x-frame-options': 'DENY' });
    expect(Object.fromEntries(kept!)).toEqual({ ...html, 'x-frame-options': 'DENY' });
    expect(keptPageHeaders(200, { 'content-type': 'text/x-component' })).not.toBeNull();
  });

  it('not a redirect, an error, a download, or a response that sets a cookie', () => {
    expect(keptPageHeaders(307, { ...html, location: '/login' })).toBeNull();
    expect(keptPageHeaders(404, html)).toBeNull();
    expect(keptPageHeaders(500, html)).toBeNull();
    expect(keptPageHeaders(200, { 'content-type': 'application/pdf' })).toBeNull();
    expect(keptPageHeaders(200, { 'content-type': 'application/json' })).toBeNull();
    expect(keptPageHeaders(200, {})).toBeNull();
    expect(keptPageHeaders(200, { ...html, 'set-cookie': ['a=b'] })).toBeNull();
  });
});

describe('a kept page re-issued', () => {
  it('carries a new nonce everywhere the rendered one was, the policy included', () => {
    const old = freshNonce();
    const policy = contentSecurityPolicy(old, { https: false, development: false });
    const body = Buffer.from(`<script nonce="${old}">a</script><p>正文</p><script nonce="${old}">b</script>${old}`);
    const nonce = freshNonce();
    const issued = reissuePage(body, [['content-type', 'text/html'], ['content-security-policy', policy]], nonce);
    expect(issued.body.toString()).toBe(`<script nonce="${nonce}">a</script><p>正文</p><script nonce="${nonce}">b</script>${nonce}`);
    expect(issued.body.includes(old)).toBe(false);
    expect(Object.fromEntries(issued.headers)['content-security-policy']).toBe(contentSecurityPolicy(nonce, { https: false, development: false }));
  });

  it('reads the nonce the policy is written with', () => {
    for (let i = 0; i < 20; i++) {
      const nonce = freshNonce();
      expect(nonceOfPolicy(contentSecurityPolicy(nonce, { https: true, development: i % 2 === 0, preview: i % 3 === 0 }))).toBe(nonce);
    }
    expect(nonceOfPolicy("default-src 'self'")).toBeNull();
    expect(nonceOfPolicy(undefined)).toBeNull();
  });

  it('a page without a policy nonce comes back as it was kept', () => {
    const body = Buffer.from('<p>x</p>');
    const headers = [['content-type', 'text/x-component']] as const;
    expect(reissuePage(body, headers, freshNonce())).toEqual({ body, headers });
  });
});

describe('how long a kept page may be served', () => {
  const at = (iso: string) => new Date(iso);

  it('at most PAGE_MAX_AGE_MS', () => {
    const renderedAt = at('2026-06-10T02:00:00Z'); // 10:00 in Shanghai
    expect(pageFreshUntil(renderedAt, [at('2026-06-10T12:00:00Z')])).toBe(renderedAt.getTime() + PAGE_MAX_AGE_MS);
  });

  it('not past the end of the session, on the server or in the cookie', () => {
    const renderedAt = at('2026-06-10T02:00:00Z');
    const soon = at('2026-06-10T02:03:00Z');
    expect(pageFreshUntil(renderedAt, [soon, at('2026-06-10T12:00:00Z')])).toBe(soon.getTime());
    expect(pageFreshUntil(renderedAt, [at('2026-06-10T12:00:00Z'), soon])).toBe(soon.getTime());
  });

  it('not into the next day in Shanghai, when lights and 序时进度 move', () => {
    const renderedAt = at('2026-06-10T15:55:00Z'); // 23:55 in Shanghai
    expect(pageFreshUntil(renderedAt, [at('2026-06-11T12:00:00Z')])).toBe(at('2026-06-10T16:00:00Z').getTime());
  });
});

describe('one read shared by the calls waiting for it', () => {
  function controlledReads() {
    const started: { resolve: (value: number) => void }[] = [];
    const read = sharedNextRead(() => new Promise<number>((resolve) => started.push({ resolve })));
    return { read, started };
  }

  it('a call with no read under way starts one at once', async () => {
    const { read, started } = controlledReads();
    const value = read();
    expect(started).toHaveLength(1);
    started[0]!.resolve(1);
    expect(await value).toBe(1);
  });

  it('a call during a read waits for the next read, which later calls join', async () => {
    const { read, started } = controlledReads();
    const first = read();
    const [second, third] = [read(), read()];
    expect(started).toHaveLength(1);
    started[0]!.resolve(1);
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toHaveLength(2);
    started[1]!.resolve(2);
    expect(await Promise.all([second, third])).toEqual([2, 2]);
  });

  it('a failed read fails the calls that shared it, not the next ones', async () => {
    let count = 0;
    const read = sharedNextRead(async () => {
      count += 1;
      if (count === 1) throw new Error('down');
      return count;
    });
    await expect(read()).rejects.toThrow('down');
    expect(await read()).toBe(2);
  });
});
