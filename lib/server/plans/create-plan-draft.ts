import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { planImportSchema } from '@/lib/core/schemas/plan';
import { parsePlan } from '@/lib/core/plan/parse';
import { proposeItem, type Proposal } from '@/lib/core/plan/proposal';
import { decomposeProposal } from '@/lib/core/plan/decompose';
import { cleanText } from '@/lib/core/plan/clean';
import { findNearDuplicate } from '@/lib/core/plan/near-duplicate';
import { loadDirectory } from '@/lib/server/plans/load-directory';

const ITEM_KIND = { section: 'SECTION', task: 'TASK', review: 'REVIEW' } as const;

export function sourceHashOf(text: string) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Parses a document into a DRAFT plan whose items carry the importer's proposals. The same
 * document (same SHA-256 of the original text) is detected and refused with a link to the plan;
 * a nearly identical one (near-duplicate.ts) too, unless the office confirms it wants it again.
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
  if (!data.confirmDuplicate) {
    // A re-saved or lightly edited copy has another hash: compare the texts themselves (latest plans first).
    const earlier = await db.plan.findMany({ orderBy: { createdAt: 'desc' }, take: 200, select: { id: true, title: true, simplifiedText: true, cleanedText: true } });
    const near = findNearDuplicate(
      cleanText(text).simplified,
      earlier.map((p) => ({ id: p.id, title: p.title, text: p.simplifiedText ?? p.cleanedText })),
    );
    if (near) {
      const percent = Math.floor(near.similarity * 100);
      throw new UserFacingError(`该文件与已导入的《${near.title}》几乎相同（相似度 ${percent}%）。如确需再次导入，请勾选“仍然导入”后重新提交`, 'CONFLICT', {
        planId: [near.id],
        confirmDuplicate: [`与《${near.title}》相似度 ${percent}%`],
      });
    }
  }

  const directory = await loadDirectory();
  const result = parsePlan(text, { year: data.year, units: directory.units });
  const proposals = new Map<string, Proposal>();
  // Parent ids in the parser's output refer to earlier items, so ids can be assigned up front.
  const ids = new Map(result.items.map((item) => [item.id, crypto.randomUUID()]));
  type Row = { id: string; parentId: string | null; level: number; numbering: string | null; heading: string | null; text: string; span: [number, number]; kind: 'SECTION' | 'TASK' | 'REVIEW'; proposal: Proposal };
  const rows: Row[] = [];
  for (const item of result.items) {
    const parent = item.parentId ? proposals.get(item.parentId) ?? null : null;
    const proposal = proposeItem(item, directory, parent, result.year);
    proposals.set(item.id, proposal);
    const id = ids.get(item.id)!;
    const row: Row = { id, parentId: item.parentId ? ids.get(item.parentId)! : null, level: item.level, numbering: item.numbering, heading: item.heading, text: item.text, span: item.span, kind: ITEM_KIND[item.kind], proposal };
    // A paragraph of several subjects (分解): a parent with one sub-task per subject, inside its span.
    const base = result.cleaned.indexOf(item.text, item.span[0]);
    const decomposed = base >= 0 ? decomposeProposal(item, proposal, directory, result.year) : null;
    if (!decomposed) {
      rows.push(row);
      continue;
    }
    rows.push({ ...row, kind: 'SECTION', proposal: decomposed.parent });
    for (const part of decomposed.parts) {
      rows.push({ id: crypto.randomUUID(), parentId: id, level: item.level + 1, numbering: null, heading: null, text: part.text, span: [base + part.start, base + part.end], kind: 'TASK', proposal: part.proposal });
    }
  }

  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        title: data.title || result.title || sourceName || '未命名计划',
        year: result.year,
        yearSource: result.yearSource,
        kind,
        originalText: text,
        cleanedText: result.cleaned,
        simplifiedText: result.simplified,
        sourceHash,
        sourceName: sourceName ?? null,
        createdById: user.id,
      },
    });
    await tx.planItem.createMany({
      data: rows.map((row, position) => ({
        id: row.id,
        planId: plan.id,
        parentId: row.parentId,
        position,
        level: row.level,
        numbering: row.numbering,
        heading: row.heading,
        text: row.text,
        spanStart: row.span[0],
        spanEnd: row.span[1],
        kind: row.kind,
        proposal: row.proposal,
      })),
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'plan.import',
      entity: 'Plan',
      entityId: plan.id,
      after: { title: plan.title, year: plan.year, sourceHash, items: rows.length, tasks: rows.filter((r) => r.kind === 'TASK').length },
    });
    return plan;
  });
}
