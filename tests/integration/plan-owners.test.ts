// Owners proposed from a county's own directory (names unlike the demo's): named units, aliases,
// 分管 leaders, 待分配, and a review correction reused for a similar item of the next import.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
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
});
