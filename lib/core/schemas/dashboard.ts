import { z } from 'zod';

export const URGENT_FOCUSES = ['red', 'overdue', 'open'] as const;
export type UrgentFocus = (typeof URGENT_FOCUSES)[number];

/** The home page's URL: /?focus=red|overdue|open&page=N. Anything unknown falls back to the default. */
export const homeParamsSchema = z.object({
  focus: z.enum(URGENT_FOCUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type HomeParams = z.infer<typeof homeParamsSchema>;
