import { apiV1Document } from '@/lib/core/api/openapi';

// Public: it describes the API and holds no data. Built once per server process.
let document: ReturnType<typeof apiV1Document> | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1. */
export function GET() {
  document ??= apiV1Document();
  return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
