/**
 * The security headers of every response. next.config.js sets STATIC_SECURITY_HEADERS on every
 * path (a unit test holds its copy to this list); the proxy adds the per-request
 * Content-Security-Policy with its nonce, and HSTS when the site is served over HTTPS.
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
];

/** X-Frame-Options of an attachment previewed inline (?inline=1): framed by this site's own pages only. */
export const PREVIEW_FRAME_OPTIONS = { key: 'X-Frame-Options', value: 'SAMEORIGIN' } as const;

/** An attachment request for the page's preview (the attachment route serves it inline). */
export function isAttachmentPreview(url: URL): boolean {
  return url.pathname.startsWith('/api/attachments/') && url.searchParams.get('inline') === '1';
}

export const HSTS_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };

/**
 * Scripts only from this site and Next's own inline bootstrap, which carries the request's nonce
 * ('strict-dynamic' lets those scripts load the app's chunks). Styles allow inline `style`
 * attributes (React's style={…}; a nonce cannot cover attributes). The development server also
 * needs eval for its hot reloading.
 */
export function contentSecurityPolicy(
  nonce: string,
  { https, development, preview = false }: { https: boolean; development: boolean; preview?: boolean },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // An attachment served for the task page's preview (PREVIEW_FRAME_OPTIONS): the browser's PDF
    // viewer runs as a plugin inside a frame of this site; nothing else is framed or embedded.
    preview ? "object-src 'self'" : "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    preview ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
