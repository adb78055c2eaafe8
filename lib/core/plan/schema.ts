/**
 * Output contract of the plan parser (`parsePlan`, `scripts/plan-parse.ts`).
 *
 * Structural rules checked on top of the field types:
 * - ids are unique; a `parentId` names an EARLIER item, and `level` = parent level + 1 (1 at the top);
 * - `span` = [start, end) offsets into the CLEANED text, start ≤ end;
 * - `deadline` is an object for every 'task' and null for 'section'/'review';
 * - a placeholder target (`XXX万元`) has value null; a range has value ≤ valueMax; other targets have valueMax null.
 */
import { z } from 'zod';

export const comparatorSchema = z.enum(['>=', '>', '=', '≈', '<=', '<', 'range']);

export const planTargetSchema = z
  .object({
    /** Short phrase the target came from, e.g. "全年建设项目200个以上". */
    text: z.string(),
    comparator: comparatorSchema,
    value: z.number().finite().nullable(),
    valueMax: z.number().finite().nullable(),
    /** The document's unit words: 万元, 亿元, %, 百分点, 个, 家 … */
    unit: z.string(),
    placeholder: z.boolean(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.placeholder && t.value !== null) ctx.addIssue({ code: 'custom', message: 'placeholder target must have value null' });
    if (!t.placeholder && t.value === null) ctx.addIssue({ code: 'custom', message: 'non-placeholder target needs a value' });
    if (t.comparator === 'range') {
      if (!t.placeholder && (t.valueMax === null || t.value === null || t.valueMax < t.value)) {
        ctx.addIssue({ code: 'custom', message: 'range target needs value ≤ valueMax' });
      }
    } else if (t.valueMax !== null) {
      ctx.addIssue({ code: 'custom', message: 'valueMax is only used by ranges' });
    }
  });

export const planDeadlineSchema = z
  .object({
    /** The wording the date came from ("6月底前", "三季度"), or null when nothing was said. */
    text: z.string().nullable(),
    date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
    /** True when the date is not stated by the item itself (year end by default, or taken from a heading). */
    inferred: z.boolean(),
    /** Every date the wording states, in order, when it states several different ones (the latest is `date`). */
    stated: z.array(z.object({ text: z.string(), date: z.string() }).strict()).optional(),
  })
  .strict();

export const planOwnersSchema = z
  .object({
    leaders: z.array(z.string()),
    leadUnits: z.array(z.string()),
    coUnits: z.array(z.string()),
  })
  .strict();

export const planItemKindSchema = z.enum(['section', 'task', 'review']);

export const planItemSchema = z
  .object({
    id: z.string().min(1),
    parentId: z.string().nullable(),
    level: z.number().int().min(1),
    kind: planItemKindSchema,
    numbering: z.string().nullable(),
    heading: z.string().nullable(),
    text: z.string(),
    span: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    deadline: planDeadlineSchema.nullable(),
    targets: z.array(planTargetSchema),
    owners: planOwnersSchema,
  })
  .strict();

export const planParseResultSchema = z
  .object({
    title: z.string(),
    year: z.number().int().min(1900).max(2200),
    items: z.array(planItemSchema),
  })
  .superRefine((r, ctx) => {
    const levels = new Map<string, number>();
    r.items.forEach((it, i) => {
      if (levels.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate id ${it.id}` });
      if (it.span[0] > it.span[1]) ctx.addIssue({ code: 'custom', path: ['items', i, 'span'], message: 'span start > end' });
      if (it.parentId === null) {
        if (it.level !== 1) ctx.addIssue({ code: 'custom', path: ['items', i, 'level'], message: 'top-level item must have level 1' });
      } else {
        const pl = levels.get(it.parentId);
        if (pl === undefined) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'parentId'], message: 'parentId must refer to an earlier item' });
        } else if (it.level !== pl + 1) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'level'], message: 'level must be parent level + 1' });
        }
      }
      if (it.kind === 'task' && it.deadline === null) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'deadline'], message: 'task needs a deadline object' });
      }
      if (it.kind !== 'task' && it.deadline !== null) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'deadline'], message: 'only tasks carry a deadline' });
      }
      levels.set(it.id, it.level);
    });
  });

export type Comparator = z.infer<typeof comparatorSchema>;
export type PlanTarget = z.infer<typeof planTargetSchema>;
export type PlanDeadline = z.infer<typeof planDeadlineSchema>;
export type PlanOwners = z.infer<typeof planOwnersSchema>;
export type PlanItemKind = z.infer<typeof planItemKindSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;
export type PlanParseResult = z.infer<typeof planParseResultSchema>;

/** Unit directory entry used to match owner words (`matchUnits`). */
export interface UnitDirectoryEntry {
  name: string;
  shortName: string;
}
