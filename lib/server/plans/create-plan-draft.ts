import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { planImportSchema } from '@/lib/core/schemas/plan';
import { parsePlan } from '@/lib/core/plan/parse';
import { proposeItem, type Proposal } from '@/lib/core/plan/proposal';
import { loadDirectory } from '@/lib/server/plans/load-directory';

const ITEM_KIND = { section: 'SECTION', task: 'TASK', review: 'REVIEW' } as const;

export function sourceHashOf(text: string) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Parses a document into a DRAFT plan whose items carry the importer's proposals. The same
 * document (same SHA-256 of the original text) is detected and refused with a link to the plan.
 */
export async function createPlanDraft({ user, input }: { user: SessionUser; input: unknown }) {
  if (!can(user, 'plan.import')) throw forbidden('导入计划');
  const data = parseInput(planImportSchema, input);
  const { text, sourceName, kind } = data;
  const sourceHash = sourceHashOf(text);
  const existing = await db.plan.findUnique({ where: { sourceHash }, select: { id: true, title: true } });
  if (existing) {
    throw new UserFacingError(`该文件已导入过：《${existing.title}》`, 'CONFLICT', { planId: [existing.id] });
  }

  const directory = await loadDirectory();
  const result = parsePlan(text, { year: data.year, units: directory.units });
  const proposals = new Map<string, Proposal>();
  const rows = result.items.map((item, position) => {
    const parent = item.parentId ? proposals.get(item.parentId) ?? null : null;
    const proposal = proposeItem(item, directory, parent, result.year);
    proposals.set(item.id, proposal);
    return { item, position, proposal };
  });

  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        title: data.title || result.title || sourceName || '未命名计划',
        year: result.year,
        kind,
        originalText: text,
        cleanedText: result.cleaned,
        simplifiedText: result.simplified,
        sourceHash,
        sourceName: sourceName ?? null,
        createdById: user.id,
      },
    });
    // Parent ids in the parser's output refer to earlier items, so ids can be assigned up front.
    const ids = new Map(rows.map(({ item }) => [item.id, crypto.randomUUID()]));
    await tx.planItem.createMany({
      data: rows.map(({ item, position, proposal }) => ({
        id: ids.get(item.id)!,
        planId: plan.id,
        parentId: item.parentId ? ids.get(item.parentId)! : null,
        position,
        level: item.level,
        numbering: item.numbering,
        heading: item.heading,
        text: item.text,
        spanStart: item.span[0],
        spanEnd: item.span[1],
        kind: ITEM_KIND[item.kind],
        proposal,
      })),
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'plan.import',
      entity: 'Plan',
      entityId: plan.id,
      after: { title: plan.title, year: plan.year, sourceHash, items: rows.length, tasks: rows.filter((r) => r.item.kind === 'task').length },
    });
    return plan;
  });
}
