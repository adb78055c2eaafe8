import 'server-only';
import { clientAddress, FORWARDED_CHAIN_HEADER, parseTrustedProxies, type TrustedProxies } from '@/lib/core/net/client-address';
import { serverEnv } from '@/lib/platform/env';

let trusted: TrustedProxies | undefined;

/**
 * The client's address for audit rows, sign-in attempts and signatures, from a request's headers
 * as the proxy left them (see FORWARDED_CHAIN_HEADER): a forwarded address counts only when it
 * came through LUOSHI_TRUSTED_PROXIES.
 */
export function requestClientAddress(header: (name: string) => string | null): string | null {
  trusted ??= parseTrustedProxies(serverEnv().LUOSHI_TRUSTED_PROXIES);
  return clientAddress({ socket: header('x-forwarded-for'), forwardedFor: header(FORWARDED_CHAIN_HEADER) }, trusted);
}
