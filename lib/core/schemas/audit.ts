import { z } from 'zod';
import { isAuditAction, type AuditAction } from '@/lib/core/audit/actions';
import { isoDateSchema } from '@/lib/core/schemas/common';

export const AUDIT_PAGE_SIZE = 50;

const optionalId = z.string().trim().min(1).max(64).optional().catch(undefined);
const optionalDay = isoDateSchema.optional().catch(undefined);

/** The audit record's URL: filters by who, which unit, which task, what and when. Bad values fall back to no filter rather than erroring. */
export const auditListParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /** A registered action (lib/core/audit/actions.ts). */
  action: z
    .string()
    .refine((value): value is AuditAction => isAuditAction(value))
    .optional()
    .catch(undefined),
  entity: z.string().trim().regex(/^[A-Za-z]{1,40}$/).optional().catch(undefined),
  entityId: optionalId,
  /** The acting user. */
  user: optionalId,
  /** The acting user's unit, or the unit record itself. */
  unit: optionalId,
  /** A task's code: events on the task and on its reports, 督办 and extension requests. */
  task: z.string().trim().min(1).max(40).optional().catch(undefined),
  /** Beijing calendar days, inclusive. */
  from: optionalDay,
  to: optionalDay,
});
export type AuditListParams = z.infer<typeof auditListParamsSchema>;

/** The URL of the record with these filters (empty ones left out). */
export function auditListHref(params: Partial<AuditListParams>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/audit?${text}` : '/audit';
}
