import { checkHealth } from '@/lib/server/health/check-health';

/** GET /api/health: 200 when this server can serve, 503 otherwise; public, for load balancers. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
