import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

/** The audit log's URL: bad values fall back to defaults rather than erroring. */
export const auditListParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  entity: z.string().trim().regex(/^[A-Za-z]{1,40}$/).optional().catch(undefined),
  action: z.string().trim().regex(/^[a-z.]{1,60}$/).optional().catch(undefined),
  entityId: z.string().trim().max(64).optional().catch(undefined),
});
export type AuditListParams = z.infer<typeof auditListParamsSchema>;
