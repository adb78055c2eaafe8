import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import type { PlanKind } from '@/lib/generated/prisma/enums';
import { toSimplifiedAligned } from '@/lib/core/plan/clean';
import type { Proposal } from '@/lib/core/plan/proposal';

type SeedDocument = { name: string; text: string; hash: string };

function kindOf(text: string): PlanKind {
  const head = text.slice(0, 400);
  if (/讲话/.test(head)) return 'SPEECH';
  if (/政府工作报告/.test(head)) return 'GOVERNMENT_REPORT';
  return 'WORK_PLAN';
}

type Review = { lead: string; co?: string[] };

/**
 * The office's review of every task item of the seed documents (keyed by a phrase of the item's
 * title, unit codes): what a careful office publishes, whatever the importer proposed. Items of
 * several subjects get the unit of the main one as lead and the others as co-units.
 */
const REVIEWED: Record<string, Record<string, Review>> = {
  '000': {
    学报告: { lead: 'xwb' },
    // 分解 kept: the paragraph's projects and its 招商 are two sub-tasks.
    抓项目: { lead: 'fgj' },
    放管服: { lead: 'tcj', co: ['fgj'] },
    兴产业: { lead: 'gxj', co: ['wlj'] },
    固成果: { lead: 'xczxj', co: ['nyncj'] },
    建城镇: { lead: 'zjj', co: ['cgj'] },
    护生态: { lead: 'sthjj', co: ['slj', 'lyj'] },
    惠民生: { lead: 'rsj', co: ['wjj', 'jyj', 'mzj'] },
    强党建: { lead: 'xwb' },
  },
  '001': {
    攻坚项目建设: { lead: 'fgj', co: ['tcj'] },
    壮大产业集群: { lead: 'nyncj', co: ['gxj', 'wlj'] },
    巩固生态优势: { lead: 'sthjj', co: ['lyj'] },
    推进改革创新: { lead: 'fgj', co: ['gxj', 'nyncj'] },
    加快城乡融合: { lead: 'fgj', co: ['zjj', 'xczxj'] },
    增进民生福祉: { lead: 'wjj', co: ['jyj', 'rsj', 'mzj', 'ybj'] },
    维护安全稳定: { lead: 'xwb', co: ['gaj'] },
    全面从严治党: { lead: 'xwb' },
  },
  '002': {
    锚定目标任务: { lead: 'xwb' },
    聚力项目建设: { lead: 'fgj' },
    聚力招商引资: { lead: 'tcj' },
    聚力开放创新: { lead: 'gxj' },
    加快科技成果转化: { lead: 'fgj', co: ['czj', 'gxj'] },
    聚力挖潜活市: { lead: 'swj' },
    聚力优化环境: { lead: 'fgj', co: ['scjgj'] },
    调优工业结构: { lead: 'gxj' },
    做靓生态旅游: { lead: 'wlj' },
    提升农业质效: { lead: 'nyncj' },
    科学规划优布局: { lead: 'zrzyj' },
    民生导向强功能: { lead: 'zjj' },
    绣花功夫精管理: { lead: 'cgj' },
    错位发展个性化: { lead: 'zjj', co: ['wlj', 'nyncj'] },
    市政建设规范化: { lead: 'zjj' },
    要素保障精准化: { lead: 'fgj', co: ['czj', 'zrzyj'] },
    巩固脱贫成果: { lead: 'xczxj' },
    提升产业质效: { lead: 'nyncj', co: ['xczxj', 'rsj'] },
    建设和美乡村: { lead: 'nyncj', co: ['xczxj'] },
    提升治理效能: { lead: 'xwb', co: ['mzj'] },
    深化污染防治: { lead: 'sthjj' },
    强化系统治理: { lead: 'sthjj', co: ['slj'] },
    转化生态价值: { lead: 'fgj', co: ['sthjj', 'gxj'] },
    抓就业促增收: { lead: 'rsj' },
    夯基础强保障: { lead: 'jyj', co: ['wjj', 'mzj', 'fgj'] },
    防风险守底线: { lead: 'yjglj', co: ['gaj'] },
  },
  '003': {
    瞄准目标务实干: { lead: 'xwb' },
    突出重点加油干: { lead: 'fgj', co: ['tcj'] },
    五上: { lead: 'gxj' },
    溶洞: { lead: 'wlj' },
  },
  '004': {
    主要预期目标: { lead: 'fgj', co: ['tjj'] },
    一产转型升级: { lead: 'nyncj' },
    二产创新驱动: { lead: 'gxj' },
    三产特色发展: { lead: 'swj', co: ['wlj'] },
    更大力度招商引资: { lead: 'tcj' },
    全力以赴攻坚项目: { lead: 'fgj' },
    创新推动转型升级: { lead: 'gxj' },
    精致规划科学布局: { lead: 'zrzyj' },
    精心建设提升品质: { lead: 'zjj' },
    精细管理扮靓颜值: { lead: 'cgj' },
    提升生态治理: { lead: 'sthjj' },
    打好信访化解: { lead: 'xwb', co: ['gaj'] },
    拧紧辖区安全: { lead: 'yjglj', co: ['gaj'] },
    织密民生事业: { lead: 'mzj', co: ['rsj'] },
    抓好党的政治建设: { lead: 'xwb' },
    抓好党员干部管理: { lead: 'xwb' },
    抓好廉政作风建设: { lead: 'xwb' },
  },
};

/** The review of the item with this title: exactly one phrase of the document's table must occur in it. */
function reviewOf(reviews: Record<string, Review>, title: string, document: string): Review {
  const simplified = toSimplifiedAligned(title);
  const found = Object.entries(reviews).filter(([phrase]) => simplified.includes(phrase));
  if (found.length !== 1) throw new Error(`seed ${document}: ${found.length} reviews for the item 「${title}」`);
  return found[0]![1];
}

/**
 * Imports and publishes each seed document through the importer, as the office would: every task
 * item gets the reviewed owners above (a change of lead unit is remembered as the office's
 * correction, as on the review page). The demo dates the plans in `year` so that 序时进度 and the
 * traffic lights mean something today.
 */
export async function seedPlans(db: PrismaClient, documents: SeedDocument[], admin: SessionUser, year: number) {
  const unitIds = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const idOf = (code: string) => {
    const id = unitIds.get(code);
    if (!id) throw new Error(`seed: no unit ${code}`);
    return id;
  };
  let published = 0;
  for (const doc of documents) {
    if (await db.plan.findUnique({ where: { sourceHash: doc.hash }, select: { id: true } })) continue;
    const plan = await createPlanDraft({ user: admin, input: { text: doc.text, sourceName: doc.name, year, kind: kindOf(doc.text) } });
    const reviews = REVIEWED[doc.name.slice(0, 3)] ?? {};
    const items = await db.planItem.findMany({ where: { planId: plan.id, kind: 'TASK' }, select: { id: true, proposal: true }, orderBy: { position: 'asc' } });
    for (const item of items) {
      const proposal = item.proposal as Proposal;
      const review = reviewOf(reviews, proposal.title, doc.name);
      const leadUnitId = idOf(review.lead);
      const coUnitIds = (review.co ?? []).map(idOf);
      const sameCo = coUnitIds.length === proposal.coUnitIds.length && coUnitIds.every((id) => proposal.coUnitIds.includes(id));
      if (leadUnitId !== proposal.leadUnitId || !sameCo) {
        await updatePlanItem({ user: admin, input: { itemId: item.id, ...(leadUnitId !== proposal.leadUnitId ? { leadUnitId } : {}), ...(sameCo ? {} : { coUnitIds }) } });
      }
    }
    // The demo's plans run in the current year: the deadlines already past are published knowingly.
    const result = await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true });
    published += result.tasks;
  }
  return `${published} tasks published`;
}
