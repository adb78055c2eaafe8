import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import { LRUCache } from 'lru-cache';
import { getToken } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import onHeaders from 'on-headers';
import pg from 'pg';
import {
  keptPageHeaders,
  PAGE_CACHE_HEADER,
  pageCachePlan,
  pageFreshUntil,
  reissuePage,
  type KeptHeaders,
  type PageCachePlan,
} from '@/lib/core/net/page-cache';
import { sharedNextRead } from '@/lib/core/async/shared-next-read';
import { freshNonce, requestIdFor } from '@/lib/core/net/request-id';
import { log } from '@/lib/platform/log';

/** Next's request handler (`next().getRequestHandler()`). */
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type KeptPage = { snapshot: string; freshUntil: number; headers: KeptHeaders; body: Buffer };

/** Longest a request waits for the same page's render under way before rendering it itself. */
const RENDER_WAIT_MS = 5_000;

/** A page larger than this is served but not kept. */
const MAX_KEPT_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * `npm run serve`'s request listener in front of Next (scripts/serve.mjs): compression for every
 * response (Next's own is off, next.config.js), and the everyday views answered from a cache of
 * rendered pages (lib/core/net/page-cache.ts) while the database has not changed since they were
 * rendered. The cache is a memo of this process, never a source of truth: every hit is checked
 * against PostgreSQL's current snapshot, so servers on one database never disagree.
 * `cacheBytes` 0 turns the cache off.
 */
export function createRequestListener(handle: NextHandler, { databaseUrl, cacheBytes }: { databaseUrl: string; cacheBytes: number }) {
  const compress = compression();
  const cache = cacheBytes > 0 ? createPageCache(databaseUrl, cacheBytes) : null;
  return (req: IncomingMessage, res: ServerResponse) => {
    // compression's types are Express's; it only uses Node's request and response.
    compress(req as never, res as never, () => undefined);
    const plan = cache ? pageCachePlan(req.method, req.url, req.headers) : null;
    if (!cache || !plan) {
      void handle(req, res);
      return;
    }
    void cache.answer(req, res, plan, handle);
  };
}

function createPageCache(databaseUrl: string, cacheBytes: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 60_000 });
  pool.on('error', (error) => log.warn({ err: error }, 'page cache: idle database connection failed'));
  const pages = new LRUCache<string, KeptPage>({ maxSize: cacheBytes, sizeCalculation: (page) => page.body.length + 512 });
  const currentSnapshot = sharedNextRead(async () => (await pool.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS "snapshot"')).rows[0]!.snapshot);

  /**
   * When the request's session ends (server side and cookie), or null when it has none: a page is
   * only kept for a signed-in session, and not past its end. Revoking a session or deactivating its
   * user are writes, so they already make the page stale.
   */
  async function sessionEnds(req: IncomingMessage): Promise<Date[] | null> {
    const request = new NextRequest(new URL(req.url ?? '/', 'http://localhost'), {
      headers: { cookie: String(req.headers.cookie ?? ''), authorization: String(req.headers.authorization ?? '') },
    });
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (typeof token?.sid !== 'string' || typeof token.uid !== 'string' || typeof token.exp !== 'number') return null;
    const { rows } = await pool.query<{ expiresAt: Date }>(
      'SELECT "expiresAt" FROM "UserSession" WHERE "id" = $1 AND "userId" = $2 AND "revokedAt" IS NULL',
      [token.sid, token.uid],
    );
    return rows[0] ? [rows[0].expiresAt, new Date(token.exp * 1000)] : null;
  }

  function serveKept(req: IncomingMessage, res: ServerResponse, page: KeptPage) {
    const { body, headers } = reissuePage(page.body, page.headers, freshNonce());
    res.statusCode = 200;
    for (const [name, value] of headers) res.setHeader(name, value);
    res.setHeader('x-request-id', requestIdFor(String(req.headers['x-request-id'] ?? '')));
    res.setHeader(PAGE_CACHE_HEADER, 'hit');
    res.setHeader('content-length', body.length);
    res.end(body);
  }

  /**
   * Renders under way, by key: a request for the same page on the same snapshot waits for that
   * render instead of rendering it again (after a write, every client of a page asks at once).
   */
  const rendering = new Map<string, { snapshot: string; page: Promise<KeptPage | null> }>();

  function startRender(key: string, snapshot: string) {
    let settle!: (page: KeptPage | null) => void;
    const render = { snapshot, page: new Promise<KeptPage | null>((resolve) => (settle = resolve)) };
    rendering.set(key, render);
    return (page: KeptPage | null) => {
      if (rendering.get(key) === render) rendering.delete(key);
      settle(page);
    };
  }

  /** Renders through Next, copying what it writes; a page that may be kept is kept once it is sent. */
  function renderAndKeep(req: IncomingMessage, res: ServerResponse, plan: PageCachePlan, snapshot: string, ends: Date[], rendered: (page: KeptPage | null) => void, handle: NextHandler) {
    const renderedAt = new Date();
    let headers: KeptHeaders | null = null;
    // Listeners run in the reverse order of their adding: this one sees the headers before
    // compression changes them, as the page is kept uncompressed.
    onHeaders(res, function (this: ServerResponse) {
      headers = keptPageHeaders(this.statusCode, this.getHeaders());
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let keeping = true;
    const copy = (chunk: unknown, encoding: unknown) => {
      if (!keeping || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
      size += bytes.length;
      if (size > MAX_KEPT_PAGE_BYTES) {
        keeping = false;
        chunks.length = 0;
      } else chunks.push(bytes);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      copy(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      copy(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
    res.once('finish', () => {
      const page = keeping && headers ? { snapshot, freshUntil: pageFreshUntil(renderedAt, ends), headers, body: Buffer.concat(chunks) } : null;
      if (page) pages.set(plan.key, page);
      rendered(page);
    });
    res.setHeader(PAGE_CACHE_HEADER, plan.refresh ? 'refresh' : 'miss');
    return handle(req, res);
  }

  return {
    async answer(req: IncomingMessage, res: ServerResponse, plan: PageCachePlan, handle: NextHandler) {
      let snapshot: string;
      try {
        // Read after the request arrived, so every write committed before it counts.
        snapshot = await currentSnapshot();
      } catch (error) {
        log.warn({ err: error }, 'page cache: database unavailable, rendering without the cache');
        await handle(req, res);
        return;
      }
      if (!plan.refresh) {
        const kept = pages.get(plan.key);
        if (kept && kept.snapshot === snapshot && Date.now() < kept.freshUntil) {
          serveKept(req, res, kept);
          return;
        }
        const under = rendering.get(plan.key);
        const page = under?.snapshot === snapshot ? await settledWithin(under.page, RENDER_WAIT_MS) : null;
        if (page) {
          serveKept(req, res, page);
          return;
        }
      }
      // A client already gone would never see its response end: nobody may wait for that render.
      if (!res.socket || res.socket.destroyed) {
        await handle(req, res);
        return;
      }
      const rendered = startRender(plan.key, snapshot);
      // Whatever happens next, the response closes: then those waiting stop (after 'finish', no effect).
      res.once('close', () => rendered(null));
      let ends: Date[] | null = null;
      try {
        ends = await sessionEnds(req);
      } catch (error) {
        log.warn({ err: error }, 'page cache: session not read, rendering without the cache');
      }
      if (ends) await renderAndKeep(req, res, plan, snapshot, ends, rendered, handle);
      else {
        rendered(null);
        await handle(req, res);
      }
    },
  };
}

/** `promise`'s value, or null if it has not settled within `ms`. */
function settledWithin<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
