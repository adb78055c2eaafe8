import { describe, expect, test } from 'vitest';
import { checkHealth } from '@/lib/server/health/check-health';
import { GET } from '@/app/api/health/route';

describe('GET /api/health', () => {
  test('reports the database reachable, the migrations current and the free upload space, without internals', async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: true, database: 'ok', migrations: 'current', lastScheduledRun: null, uploads: { ok: true } });
    expect('freeBytes' in health.uploads && health.uploads.freeBytes).toBeGreaterThan(0);
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toMatch(/postgres|127\.0\.0\.1|localhost|\/work\//i);
  });
});
