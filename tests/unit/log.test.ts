import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/platform/log';

describe('structured logs', () => {
  it('writes one JSON object per line with time, level, request id, and no password', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger(sink);
    logger.error({ requestId: 'req-12345678', password: 'luoshi2024', err: new Error('boom') }, 'action failed');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'error', app: 'luoshi', requestId: 'req-12345678', msg: 'action failed', password: '[已隐藏]', err: { message: 'boom' } });
    expect(entry.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
