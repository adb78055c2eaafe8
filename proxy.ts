import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { MAX_REQUEST_BODY_BYTES, REQUEST_TOO_LARGE_MESSAGE } from '@/lib/core/attachments/policy';
import { FORWARDED_CHAIN_HEADER } from '@/lib/core/net/client-address';
import { freshNonce, requestIdFor } from '@/lib/core/net/request-id';
import { hasMalformedPartHeaders, MALFORMED_UPLOAD_MESSAGE, multipartBoundary } from '@/lib/core/security/multipart';
import { contentSecurityPolicy, HSTS_HEADER, isAttachmentPreview, PREVIEW_FRAME_OPTIONS, STATIC_SECURITY_HEADERS } from '@/lib/core/security/headers';

/**
 * Reached signed out: the sign-in page and its endpoints, the load balancer's health check, and the
 * token API, whose endpoints authenticate their bearer tokens themselves (lib/server/api/api-route.ts).
 */
const PUBLIC_PATH = /^\/(login|api\/auth|api\/health|api\/v1)(\/|$)/;

/** Served over HTTPS: the public address says so (a TLS-terminating proxy forwards plain HTTP). */
const HTTPS = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

// Redirects signed-out visitors, refuses oversized bodies and sets the security headers: pages,
// actions and route handlers check the session themselves.
export async function proxy(request: NextRequest) {
  const nonce = freshNonce();
  const preview = isAttachmentPreview(request.nextUrl);
  const csp = contentSecurityPolicy(nonce, { https: HTTPS, development: process.env.NODE_ENV === 'development', preview });
  const secured = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', csp);
    for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
    if (preview) response.headers.set(PREVIEW_FRAME_OPTIONS.key, PREVIEW_FRAME_OPTIONS.value);
    if (HTTPS) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
    return response;
  };
  // A body over the limit would be cut short by the proxy's buffer and fail mid-parse (a 500);
  // the browser checks first (useKeptForm), this answers anyone else in Chinese.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BODY_BYTES) {
    return secured(new NextResponse(REQUEST_TOO_LARGE_MESSAGE, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }
  // Broken part headers (a raw CR/LF in a file name) would make Next's action parser throw a 500.
  const boundary = request.method === 'POST' ? multipartBoundary(request.headers.get('content-type')) : null;
  if (boundary && hasMalformedPartHeaders(new Uint8Array(await request.clone().arrayBuffer()), boundary)) {
    return secured(new NextResponse(MALFORMED_UPLOAD_MESSAGE, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }
  // Next reads the nonce from the request's CSP header and puts it on its inline scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', csp);
  // Whatever X-Forwarded-For the request brought moves aside, so that Next fills in the socket's
  // address; lib/server/client-address.ts believes the chain only from trusted proxies.
  const chain = request.headers.get('x-forwarded-for');
  forwarded.delete('x-forwarded-for');
  if (chain) forwarded.set(FORWARDED_CHAIN_HEADER, chain);
  else forwarded.delete(FORWARDED_CHAIN_HEADER);
  const requestId = requestIdFor(request.headers.get('x-request-id'));
  forwarded.set('x-request-id', requestId);
  const next = () => {
    const response = secured(NextResponse.next({ request: { headers: forwarded } }));
    response.headers.set('X-Request-Id', requestId);
    return response;
  };
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return next();
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return secured(NextResponse.json({ error: '未登录 / unauthenticated' }, { status: 401 }));
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return secured(NextResponse.redirect(login));
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
