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

export const HSTS_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };

/**
 * Scripts only from this site and Next's own inline bootstrap, which carries the request's nonce
 * ('strict-dynamic' lets those scripts load the app's chunks). Styles allow inline `style`
 * attributes (React's style={…}; a nonce cannot cover attributes). The development server also
 * needs eval for its hot reloading.
 */
export function contentSecurityPolicy(nonce: string, { https, development }: { https: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
