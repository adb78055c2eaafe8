import { z } from 'zod';

/**
 * /ranking?year=YYYY&scope=own|county; a missing or malformed year means the current one. `scope`
 * is a leader's choice between the units they oversee (their default) and the whole county.
 */
export const rankingParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  scope: z.enum(['own', 'county']).optional().catch(undefined),
});
