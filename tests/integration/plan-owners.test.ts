// Owners proposed from a county's own directory (names unlike the demo's): named units, aliases,
// 分管 leaders, 待分配, and a review correction reused for a similar item of the next import.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { decomposePlanItem, recomposePlanItem, updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import type { Proposal } from '@/lib/core/plan/proposal';
import { sessionUser, testDb } from '../support/db';

const COUNTY = [
  { code: 'pc_fgw', name: '平川县发展和改革委员会', shortName: '发改委', kind: 'DEPARTMENT' as const },
  { code: 'pc_tcz', name: '平川县投资促进服务中心', shortName: '投促中心', kind: 'DEPARTMENT' as const, aliases: ['招商办'] },
  { code: 'pc_jsj', name: '平川县住房和城乡建设管理局', shortName: '住建管理局', kind: 'DEPARTMENT' as const },
  { code: 'pc_jtj', name: '平川县交通局', shortName: '交通局', kind: 'DEPARTMENT' as const },
  { code: 'pc_lqz', name: '龙泉镇', shortName: '龙泉镇', kind: 'TOWNSHIP' as const },
];

const ids: Record<string, string> = {};
let leaderId = '';
let deactivated: string[] = [];

beforeAll(async () => {
  // Only this county's units are active while the test runs, as in a county's own installation.
  deactivated = (await testDb.unit.findMany({ where: { active: true }, select: { id: true } })).map((u) => u.id);
  await testDb.unit.updateMany({ where: { id: { in: deactivated } }, data: { active: false } });
  for (const [index, unit] of COUNTY.entries()) ids[unit.code] = (await testDb.unit.create({ data: { ...unit, sortOrder: 900 + index } })).id;
  const leader = await testDb.user.create({ data: { username: 'pc_leader', name: '平川副县长甲', title: '副县长', role: 'LEADER', passwordHash: 'x' } });
  leaderId = leader.id;
  await testDb.leaderUnit.create({ data: { leaderId, unitId: ids.pc_fgw! } });
});

afterAll(async () => {
  const unitIds = Object.values(ids);
  await testDb.plan.deleteMany({ where: { title: { startsWith: '平川县' } } });
  await testDb.ownerCorrection.deleteMany({ where: { unitId: { in: unitIds } } });
  await testDb.leaderUnit.deleteMany({ where: { leaderId } });
  await testDb.user.deleteMany({ where: { id: leaderId } });
  await testDb.unit.deleteMany({ where: { id: { in: unitIds } } });
  await testDb.unit.updateMany({ where: { id: { in: deactivated } }, data: { active: true } });
});

async function importPlan(text: string) {
  const plan = await createPlanDraft({ user: await sessionUser('admin'), input: { text, kind: 'WORK_PLAN' } });
  const items = await testDb.planItem.findMany({ where: { planId: plan.id, kind: 'TASK' }, orderBy: { position: 'asc' } });
  return (fragment: string) => {
    const item = items.find((i) => i.text.includes(fragment));
    if (!item) throw new Error(`no task item with ${fragment}`);
    return { id: item.id, proposal: item.proposal as Proposal };
  };
}

describe("owners from the county's own directory", () => {
  test('named units (bare full name, short name, alias) lead or support; 分管 leaders follow the lead; a correction is reused', async () => {
    const item = await importPlan(
      [
        '平川县2025年重点工作安排',
        '一、扩大有效投资',
        '（一）全年实施重点项目120个，完成投资60亿元，由发展和改革委员会会同投促中心推进。',
        '（二）招商办全年引进亿元以上项目15个，龙泉镇做好落地服务。',
        '（三）新改建农村公路150公里，完善农村公路养护机制。',
        '二、抓好工作落实',
        '（一）各单位要提高站位，狠抓落实，确保各项工作取得实效。',
      ].join('\n'),
    );
    const projects = item('重点项目120个').proposal;
    expect(projects).toMatchObject({ leadUnitId: ids.pc_fgw, leadUnitSource: 'mention', coUnitIds: [ids.pc_tcz], leaderIds: [leaderId] });
    expect(projects.reasons).toMatchObject({ lead: '文中提到「发展和改革委员会」', coUnits: { [ids.pc_tcz!]: '文中提到「投促中心」' }, leaders: { [leaderId]: '分管牵头单位发改委' } });
    expect(item('亿元以上项目15个').proposal).toMatchObject({ leadUnitId: ids.pc_tcz, leadUnitSource: 'mention', coUnitIds: [ids.pc_lqz], leaderIds: [] });
    const roads = item('农村公路150公里');
    expect(roads.proposal).toMatchObject({ leadUnitId: ids.pc_jtj, leadUnitSource: 'keyword' });
    // No good evidence: left empty (待分配), not parked on a default unit.
    expect(item('狠抓落实').proposal).toMatchObject({ leadUnitId: null, leadUnitSource: null, coUnitIds: [] });

    // This county's roads belong to 住建管理局: the reviewer corrects it once.
    await updatePlanItem({ user: await sessionUser('admin'), input: { itemId: roads.id, leadUnitId: ids.pc_jsj } });
    expect(await testDb.ownerCorrection.findFirstOrThrow({ where: { unitId: ids.pc_jsj } })).toMatchObject({ previousUnitId: ids.pc_jtj, planItemId: roads.id });

    const next = await importPlan(['平川县2026年重点工作安排', '一、交通建设', '（一）年内新改建农村公路200公里，健全农村公路管护机制。', '（二）新开通城乡公交线路5条。'].join('\n'));
    expect(next('农村公路200公里').proposal).toMatchObject({ leadUnitId: ids.pc_jsj, leadUnitSource: 'correction' });
    expect(next('农村公路200公里').proposal.reasons?.lead).toContain('新改建农村公路150公里');
    // A different subject is not pulled along by the correction.
    expect(next('公交线路').proposal.leadUnitId).not.toBe(ids.pc_jsj);
  });

  test('a paragraph of two subjects is imported as a parent with a sub-task per subject; merged back and re-split in one step each', async () => {
    const admin = await sessionUser('admin');
    const plan = await createPlanDraft({
      user: admin,
      input: { text: ['平川县2025年稳增长工作要点', '一、稳投资强招商。开工重点项目80个，完成固定资产投资45亿元。完善招商引资考核办法，全年招商引资到位资金60亿元，9月底前新签约项目20个。', '二、抓好统计监测。'].join('\n'), kind: 'WORK_PLAN' },
    });
    const itemsOf = () => testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    const items = await itemsOf();
    const parent = items.find((i) => i.text.startsWith('稳投资强招商'))!;
    expect(parent.kind).toBe('SECTION');
    const parts = items.filter((i) => i.parentId === parent.id);
    expect(parts.map((p) => [p.kind, (p.proposal as Proposal).leadUnitId, (p.proposal as Proposal).deadline.date])).toEqual([
      ['TASK', ids.pc_fgw, '2025-12-31'],
      ['TASK', ids.pc_tcz, '2025-09-30'],
    ]);
    for (const p of parts) expect(p.spanStart >= parent.spanStart && p.spanEnd <= parent.spanEnd).toBe(true);

    await recomposePlanItem({ user: admin, itemId: parent.id });
    let after = await itemsOf();
    expect(after.filter((i) => i.parentId === parent.id)).toEqual([]);
    expect(after.find((i) => i.id === parent.id)).toMatchObject({ kind: 'TASK' });
    expect((after.find((i) => i.id === parent.id)!.proposal as Proposal).decomposed).toBeUndefined();

    await decomposePlanItem({ user: admin, itemId: parent.id });
    after = await itemsOf();
    expect(after.map((i) => i.text.slice(0, 6))).toEqual(['稳投资强招商', '稳投资强招商', '完善招商引资', '抓好统计监测']);
    expect(after.filter((i) => i.kind === 'TASK').map((i) => (i.proposal as Proposal).leadUnitId)).toEqual([ids.pc_fgw, ids.pc_tcz, null]);
    expect(await testDb.auditEvent.count({ where: { entityId: parent.id, action: { in: ['plan.item.decompose', 'plan.item.recompose'] } } })).toBe(2);
    // A paragraph of one subject is not decomposed.
    const single = after.find((i) => i.text.startsWith('抓好统计监测'))!;
    await expect(decomposePlanItem({ user: admin, itemId: single.id })).rejects.toThrow('不能按主题分解');
  });
});
