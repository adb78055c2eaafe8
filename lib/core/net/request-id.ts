/** The id of one request, in the logs (lib/platform/log.ts) and the response: a load balancer's own id is kept when it looks like one. */
export function requestIdFor(given: string | null | undefined): string {
  return given && /^[\w.-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}

/** A fresh Content-Security-Policy nonce (128 random bits). */
export function freshNonce(): string {
  return btoa(crypto.randomUUID());
}
