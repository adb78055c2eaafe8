import { z } from 'zod';

/** /ranking?year=YYYY; a missing or malformed year means the current one. */
export const rankingParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });
