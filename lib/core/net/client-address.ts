/**
 * The client's address, trusting X-Forwarded-For only as far as it was written by our own
 * proxies (LUOSHI_TRUSTED_PROXIES). Without trusted proxies the socket's address is the client;
 * a header the client wrote itself is ignored. With them, the forwarded chain is read from the
 * right and the first hop that is not one of ours is the client.
 */

export type TrustedProxies = ReadonlyArray<{ kind: 'v4'; network: number; bits: number } | { kind: 'v6'; address: string }>;

function ipv4ToNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** Lower case, without brackets, a port or the IPv4-mapped IPv6 prefix. */
export function normalizeAddress(address: string): string {
  let value = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.startsWith('::ffff:') && ipv4ToNumber(value.slice(7)) !== null) value = value.slice(7);
  return value;
}

/** `10.0.0.1, 10.1.0.0/16, ::1` → the list; throws on an entry it cannot read. */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  return (setting ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const [address, bitsText] = entry.split('/') as [string, string | undefined];
      const v4 = ipv4ToNumber(normalizeAddress(address));
      if (v4 !== null) {
        const bits = bitsText === undefined ? 32 : Number(bitsText);
        if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error(`LUOSHI_TRUSTED_PROXIES: 无效的网段 ${entry}`);
        return { kind: 'v4' as const, network: v4 - (v4 % 2 ** (32 - bits)), bits };
      }
      if (bitsText === undefined && normalizeAddress(address).includes(':')) return { kind: 'v6' as const, address: normalizeAddress(address) };
      throw new Error(`LUOSHI_TRUSTED_PROXIES: 无法识别 ${entry}（写 IPv4 地址或网段，或 IPv6 地址）`);
    });
}

export function isTrustedProxy(address: string, trusted: TrustedProxies): boolean {
  const value = normalizeAddress(address);
  const v4 = ipv4ToNumber(value);
  return trusted.some((entry) =>
    entry.kind === 'v6' ? entry.address === value : v4 !== null && v4 - (v4 % 2 ** (32 - entry.bits)) === entry.network,
  );
}

export function clientAddress({ socket, forwardedFor }: { socket: string | null; forwardedFor: string | null }, trusted: TrustedProxies): string | null {
  if (!socket) return null;
  let address = normalizeAddress(socket);
  if (!isTrustedProxy(address, trusted)) return address;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    address = normalizeAddress(hops[i]!);
    if (!isTrustedProxy(address, trusted)) return address;
  }
  return address;
}

/**
 * Next's server fills X-Forwarded-For with the socket's address only when the request has none,
 * so the proxy moves a received X-Forwarded-For to this header: what the app then reads as
 * X-Forwarded-For is the socket, and this is the chain the socket claims.
 */
export const FORWARDED_CHAIN_HEADER = 'x-luoshi-forwarded-chain';
