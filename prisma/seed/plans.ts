import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import type { PlanKind } from '@/lib/generated/prisma/enums';

type SeedDocument = { name: string; text: string; hash: string };

function kindOf(text: string): PlanKind {
  const head = text.slice(0, 400);
  if (/讲话/.test(head)) return 'SPEECH';
  if (/政府工作报告/.test(head)) return 'GOVERNMENT_REPORT';
  return 'WORK_PLAN';
}

/**
 * Imports and publishes each seed document through the importer, as the office would. The demo
 * dates the plans in `year` so that 序时进度 and the traffic lights mean something today.
 * Task items for which neither the document nor the subject suggests a unit go to the office
 * (县委办), which coordinates such general work.
 */
export async function seedPlans(db: PrismaClient, documents: SeedDocument[], admin: SessionUser, year: number) {
  const office = await db.unit.findUniqueOrThrow({ where: { code: 'xwb' } });
  let published = 0;
  for (const doc of documents) {
    if (await db.plan.findUnique({ where: { sourceHash: doc.hash }, select: { id: true } })) continue;
    const plan = await createPlanDraft({ user: admin, input: { text: doc.text, sourceName: doc.name, year, kind: kindOf(doc.text) } });
    const items = await db.planItem.findMany({ where: { planId: plan.id, kind: 'TASK' }, select: { id: true, proposal: true } });
    const unowned = items.filter((item) => !(item.proposal as { leadUnitId: string | null } | null)?.leadUnitId);
    for (const item of unowned) await updatePlanItem({ user: admin, input: { itemId: item.id, leadUnitId: office.id } });
    const result = await publishPlan({ user: admin, planId: plan.id });
    published += result.tasks;
  }
  return `${published} tasks published`;
}
