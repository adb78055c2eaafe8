import 'server-only';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { planSimplifySchema } from '@/lib/core/schemas/plan';
import type { Proposal } from '@/lib/core/plan/proposal';
import { simplifiedDraftItem, type DraftItemText } from '@/lib/core/plan/simplify-draft';

type DraftText = { title: string; items: ReadonlyArray<DraftItemText & { id: string }> };

/**
 * Version of a draft's working text (its title and every item's text and proposal): the review page
 * sends the one it showed, and 转换为简体 refuses to convert a draft changed since (已被他人修改).
 */
export function draftTextVersion(plan: DraftText): string {
  const text = JSON.stringify([plan.title, plan.items.map((item) => [item.id, item.text, item.heading, item.numbering, item.proposal])]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * 转换为简体: converts the working text of a DRAFT plan (title, items' texts, headings, proposals) to
 * simplified Chinese; the document's original and cleaned text stay as written. Audited with the
 * changed items' texts before and after. Idempotent: a second run changes nothing and records nothing.
 * Returns how many items changed.
 */
export async function simplifyPlanDraft({ user, input }: { user: SessionUser; input: unknown }): Promise<number> {
  if (!can(user, 'plan.import')) throw forbidden('编辑计划');
  const { planId, version } = parseInput(planSimplifySchema, input);
  return db.$transaction(async (tx) => {
    // Locks the plan row, so two conversions (or a conversion and a publish) run one after the other.
    const [plan] = await tx.$queryRaw<{ id: string; title: string; status: string }[]>`SELECT "id", "title", "status"::text FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
    if (!plan) throw notFound();
    if (plan.status !== 'DRAFT') throw new UserFacingError('计划已发布，分解结果不能再修改', 'CONFLICT');
    const rows = await tx.planItem.findMany({ where: { planId }, orderBy: { position: 'asc' }, select: { id: true, text: true, heading: true, numbering: true, proposal: true } });
    const items = rows.map((row) => ({ ...row, proposal: row.proposal as Proposal | null }));
    if (draftTextVersion({ title: plan.title, items }) !== version) throw staleVersion();
    const title = simplifiedDraftItem({ text: plan.title, heading: null, numbering: null, proposal: null }).text;
    const changed = items
      .map((before) => ({ before, after: simplifiedDraftItem(before) }))
      // Key order is not compared: the database returns a proposal's keys in its own order.
      .filter(({ before, after }) => !isDeepStrictEqual(before, after));
    if (changed.length === 0 && title === plan.title) return 0;
    if (title !== plan.title) await tx.plan.update({ where: { id: planId }, data: { title } });
    for (const { after } of changed) {
      await tx.planItem.update({
        where: { id: after.id },
        data: { text: after.text, heading: after.heading, numbering: after.numbering, ...(after.proposal ? { proposal: after.proposal } : {}) },
      });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'plan.simplify',
      entity: 'Plan',
      entityId: planId,
      before: { title: plan.title, items: changed.map(({ before }) => ({ id: before.id, text: before.text, title: before.proposal?.title ?? null })) },
      after: { title, items: changed.map(({ after }) => ({ id: after.id, text: after.text, title: after.proposal?.title ?? null })) },
    });
    return changed.length;
  });
}
