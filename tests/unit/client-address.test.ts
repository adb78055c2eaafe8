import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseTrustedProxies } from '@/lib/core/net/client-address';

describe('client address', () => {
  const none = parseTrustedProxies(undefined);
  const ours = parseTrustedProxies('10.0.0.5, 192.168.1.0/24 ::1');

  it('without trusted proxies a spoofed X-Forwarded-For is ignored: the socket is the client', () => {
    expect(clientAddress({ socket: '203.0.113.9', forwardedFor: '1.2.3.4' }, none)).toBe('203.0.113.9');
    expect(clientAddress({ socket: '::ffff:127.0.0.1', forwardedFor: '8.8.8.8, 9.9.9.9' }, none)).toBe('127.0.0.1');
  });

  it('a request that did not come through a trusted proxy keeps its socket address', () => {
    expect(clientAddress({ socket: '203.0.113.9', forwardedFor: '1.2.3.4' }, ours)).toBe('203.0.113.9');
  });

  it('through trusted proxies, the first hop from the right that is not ours is the client', () => {
    expect(clientAddress({ socket: '10.0.0.5', forwardedFor: '198.51.100.7' }, ours)).toBe('198.51.100.7');
    // The client prepended a fake hop; our proxies appended the real one.
    expect(clientAddress({ socket: '10.0.0.5', forwardedFor: '1.2.3.4, 198.51.100.7, 192.168.1.20' }, ours)).toBe('198.51.100.7');
    expect(clientAddress({ socket: '::1', forwardedFor: '198.51.100.7' }, ours)).toBe('198.51.100.7');
    expect(clientAddress({ socket: '10.0.0.5', forwardedFor: null }, ours)).toBe('10.0.0.5');
  });

  it('reads and refuses settings', () => {
    expect(parseTrustedProxies('')).toEqual([]);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow('LUOSHI_TRUSTED_PROXIES');
    expect(() => parseTrustedProxies('proxy.example')).toThrow('LUOSHI_TRUSTED_PROXIES');
    expect(normalizeAddress('[::1]:443')).toBe('::1');
    expect(normalizeAddress('10.0.0.5:8080')).toBe('10.0.0.5');
  });
});
