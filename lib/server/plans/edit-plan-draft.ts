import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, notFound, parseInput, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { itemProposalSchema, planItemEditSchema, planItemSplitSchema } from '@/lib/core/schemas/plan';
import { mergeDraftItems, splitDraftItem, type DraftItem } from '@/lib/core/plan/split-merge';
import type { Proposal } from '@/lib/core/plan/proposal';
import { decomposeProposal } from '@/lib/core/plan/decompose';
import { loadDirectory } from '@/lib/server/plans/load-directory';

/** A draft item of a DRAFT plan, for editing by the office; published plans are frozen. */
async function draftItem(tx: Tx, user: SessionUser, itemId: string) {
  if (!can(user, 'plan.import')) throw forbidden('编辑计划');
  const item = await tx.planItem.findUnique({ where: { id: itemId }, include: { plan: { select: { status: true, year: true } } } });
  if (!item) throw notFound();
  if (item.plan.status !== 'DRAFT') throw new UserFacingError('计划已发布，分解结果不能再修改', 'CONFLICT');
  return item;
}

function asDraft(item: { text: string; spanStart: number; spanEnd: number; numbering: string | null; heading: string | null; proposal: unknown }): DraftItem {
  return { ...item, proposal: item.proposal as Proposal };
}

/** Refuses unit and leader ids that are not in the directory: publishing would fail on them. */
async function assertDirectoryIds(tx: Tx, proposal: Pick<Proposal, 'leadUnitId' | 'coUnitIds' | 'leaderIds'>) {
  const unitIds = [...new Set([...(proposal.leadUnitId ? [proposal.leadUnitId] : []), ...proposal.coUnitIds])];
  const leaderIds = [...new Set(proposal.leaderIds)];
  if ((await tx.unit.count({ where: { id: { in: unitIds } } })) !== unitIds.length) {
    throw new UserFacingError('所选单位不存在', 'INVALID', { leadUnitId: ['所选单位不存在'] });
  }
  if ((await tx.user.count({ where: { id: { in: leaderIds }, role: 'LEADER' } })) !== leaderIds.length) {
    throw new UserFacingError('所选领导不存在', 'INVALID', { leaderIds: ['所选领导不存在'] });
  }
}

/** True when every leader of the proposal was suggested from the lead unit's 分管 map (none named by the document or the reviewer). */
function suggestedLeadersOnly(proposal: Proposal): boolean {
  const suggested = proposal.reasons?.leaders ?? {};
  return proposal.leadUnitSource !== 'reviewer' && proposal.leaderIds.every((id) => id in suggested);
}

/** Edits one item's kind, exclusion or proposal (title, deadline, owners, targets). */
export async function updatePlanItem({ user, input }: { user: SessionUser; input: unknown }) {
  const { itemId, kind, excluded, deadline, ...fields } = parseInput(planItemEditSchema, input);
  return db.$transaction(async (tx) => {
    const item = await draftItem(tx, user, itemId);
    const before = item.proposal as Proposal | null;
    const proposal = before
      ? {
          ...before,
          ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
          // A date the reviewer chose is no longer the document's resolution of relative wording.
          ...(deadline ? { deadline: { text: before.deadline.text, date: deadline, inferred: false, ...(before.deadline.stated ? { stated: before.deadline.stated } : {}) } } : {}),
          ...(fields.leadUnitId !== undefined ? { leadUnitSource: fields.leadUnitId ? ('reviewer' as const) : null } : {}),
          // A co-unit promoted to lead stops being a co-unit unless the reviewer also set the co-units.
          ...(fields.leadUnitId && !fields.coUnitIds ? { coUnitIds: before.coUnitIds.filter((id) => id !== fields.leadUnitId) } : {}),
        }
      : null;
    if (proposal && fields.leadUnitId && !fields.leaderIds && before && suggestedLeadersOnly(before)) {
      // The leaders were proposed from the old lead unit's 分管 map: follow the new lead unit.
      const overseers = await tx.leaderUnit.findMany({ where: { unitId: fields.leadUnitId, leader: { role: 'LEADER', active: true } }, select: { leaderId: true }, orderBy: { leaderId: 'asc' } });
      const unit = await tx.unit.findUnique({ where: { id: fields.leadUnitId }, select: { shortName: true } });
      proposal.leaderIds = overseers.map((o) => o.leaderId);
      proposal.reasons = { lead: null, coUnits: before.reasons?.coUnits ?? {}, leaders: Object.fromEntries(proposal.leaderIds.map((id) => [id, `分管牵头单位${unit?.shortName ?? ''}`])) };
    }
    if (proposal) {
      parseInput(itemProposalSchema, proposal);
      if (proposal.leadUnitId && proposal.coUnitIds.includes(proposal.leadUnitId)) {
        throw new UserFacingError('配合单位不能与牵头单位相同', 'INVALID', { coUnitIds: ['配合单位不能与牵头单位相同'] });
      }
      await assertDirectoryIds(tx, proposal);
    }
    const updated = await tx.planItem.update({
      where: { id: itemId },
      data: { ...(kind ? { kind } : {}), ...(excluded !== undefined ? { excluded } : {}), proposal: proposal ?? undefined },
    });
    // The reviewer's choice of lead unit is remembered: later imports propose it for similar items.
    if (proposal && fields.leadUnitId && fields.leadUnitId !== before?.leadUnitId) {
      await tx.ownerCorrection.create({
        data: { title: proposal.title, text: item.text.slice(0, 2000), unitId: fields.leadUnitId, previousUnitId: before?.leadUnitId ?? null, planItemId: item.id },
      });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'plan.item.update',
      entity: 'PlanItem',
      entityId: itemId,
      before: { kind: item.kind, excluded: item.excluded, proposal: before },
      after: { kind: updated.kind, excluded: updated.excluded, proposal: updated.proposal },
    });
    return updated;
  });
}

/** Splits an item in two at a character offset of its text; the second half follows it. */
export async function splitPlanItem({ user, input }: { user: SessionUser; input: unknown }) {
  const { itemId, at } = parseInput(planItemSplitSchema, input);
  return db.$transaction(async (tx) => {
    const item = await draftItem(tx, user, itemId);
    if (!item.proposal) throw new UserFacingError('只有任务项可以拆分', 'INVALID');
    const halves = splitDraftItem(asDraft(item), at, item.plan.year);
    if (!halves) throw new UserFacingError('拆分位置无效：两部分都不能为空', 'INVALID', { at: ['拆分位置无效'] });
    const [first, second] = halves;
    await tx.planItem.updateMany({ where: { planId: item.planId, position: { gt: item.position } }, data: { position: { increment: 1 } } });
    await tx.planItem.update({ where: { id: item.id }, data: { text: first.text, spanEnd: first.spanEnd, proposal: first.proposal } });
    const created = await tx.planItem.create({
      data: {
        planId: item.planId,
        parentId: item.parentId,
        position: item.position + 1,
        level: item.level,
        numbering: null,
        heading: null,
        text: second.text,
        spanStart: second.spanStart,
        spanEnd: second.spanEnd,
        kind: item.kind,
        proposal: second.proposal,
      },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'plan.item.split', entity: 'PlanItem', entityId: item.id, before: { text: item.text }, after: { text: first.text, newItemId: created.id, newText: second.text } });
    return created;
  });
}

/** Merges an item with the next item of the same parent; the next item's children move to it. */
export async function mergePlanItemWithNext({ user, itemId }: { user: SessionUser; itemId: string }) {
  return db.$transaction(async (tx) => {
    const item = await draftItem(tx, user, itemId);
    const next = await tx.planItem.findFirst({ where: { planId: item.planId, parentId: item.parentId, position: { gt: item.position } }, orderBy: { position: 'asc' } });
    if (!next) throw new UserFacingError('后面没有可合并的同级项', 'INVALID');
    if (!item.proposal || !next.proposal) throw new UserFacingError('只有任务项可以合并', 'INVALID');
    const merged = mergeDraftItems(asDraft(item), asDraft(next));
    await tx.planItem.updateMany({ where: { parentId: next.id }, data: { parentId: item.id } });
    await tx.planItem.update({ where: { id: item.id }, data: { text: merged.text, spanStart: merged.spanStart, spanEnd: merged.spanEnd, proposal: merged.proposal } });
    await tx.planItem.delete({ where: { id: next.id } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'plan.item.merge', entity: 'PlanItem', entityId: item.id, before: { text: item.text, mergedItem: { id: next.id, text: next.text } }, after: { text: merged.text } });
  });
}

/**
 * 分解 in one step: a task item of several subjects becomes a parent (a section keeping the whole
 * proposal) with one sub-task per subject, each with its own target, deadline and suggested owners.
 */
export async function decomposePlanItem({ user, itemId }: { user: SessionUser; itemId: string }) {
  const directory = await loadDirectory();
  return db.$transaction(async (tx) => {
    const item = await draftItem(tx, user, itemId);
    const proposal = item.proposal as Proposal | null;
    if (item.kind !== 'TASK' || !proposal) throw new UserFacingError('只有任务项可以分解', 'INVALID');
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: item.planId }, select: { cleanedText: true, simplifiedText: true } });
    const planItem = {
      id: item.id,
      parentId: null,
      level: item.level,
      kind: 'task' as const,
      numbering: item.numbering,
      heading: item.heading,
      text: item.text,
      span: [item.spanStart, item.spanEnd] as [number, number],
      deadline: proposal.deadline,
      targets: [],
      owners: proposal.ownerWords,
    };
    const decomposed = decomposeProposal(planItem, proposal, directory, item.plan.year, true);
    if (!decomposed) throw new UserFacingError('该项只有一个主题（或不足两处目标、时限），不能按主题分解；可以用“拆分”按句拆开', 'INVALID');
    // A draft converted to simplified (转换为简体) finds its text in the document's aligned simplified form.
    const inCleaned = plan.cleanedText.indexOf(item.text, item.spanStart);
    const found = inCleaned >= 0 ? inCleaned : (plan.simplifiedText ?? '').indexOf(item.text, item.spanStart);
    const base = found >= 0 ? found : item.spanStart;
    await tx.planItem.updateMany({ where: { planId: item.planId, position: { gt: item.position } }, data: { position: { increment: decomposed.parts.length } } });
    await tx.planItem.update({ where: { id: item.id }, data: { kind: 'SECTION', proposal: decomposed.parent } });
    const created = await tx.planItem.createManyAndReturn({
      data: decomposed.parts.map((part, index) => ({
        planId: item.planId,
        parentId: item.id,
        position: item.position + 1 + index,
        level: item.level + 1,
        text: part.text,
        spanStart: base + part.start,
        spanEnd: base + part.end,
        kind: 'TASK' as const,
        proposal: part.proposal,
      })),
      select: { id: true, text: true },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: 'plan.item.decompose', entity: 'PlanItem', entityId: item.id, before: { kind: item.kind }, after: { kind: 'SECTION', parts: created } });
    return created;
  });
}

/** Merges a decomposed paragraph's sub-tasks back into one task, with the paragraph's own proposal. */
export async function recomposePlanItem({ user, itemId }: { user: SessionUser; itemId: string }) {
  return db.$transaction(async (tx) => {
    const item = await draftItem(tx, user, itemId);
    const proposal = item.proposal as Proposal | null;
    if (!proposal?.decomposed) throw new UserFacingError('该项不是分解出子任务的段落', 'INVALID');
    const children = await tx.planItem.findMany({ where: { parentId: item.id }, select: { id: true, text: true, proposal: true, _count: { select: { children: true } } } });
    if (children.some((child) => child._count.children > 0)) throw new UserFacingError('子任务下还有条目，不能合并', 'INVALID');
    await tx.planItem.deleteMany({ where: { parentId: item.id } });
    const { decomposed: _decomposed, ...whole } = proposal;
    await tx.planItem.update({ where: { id: item.id }, data: { kind: 'TASK', proposal: whole } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'plan.item.recompose',
      entity: 'PlanItem',
      entityId: item.id,
      before: { kind: item.kind, parts: children.map(({ id, text, proposal: p }) => ({ id, text, proposal: p })) },
      after: { kind: 'TASK' },
    });
  });
}
