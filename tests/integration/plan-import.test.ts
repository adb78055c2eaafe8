import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { createPlanDraft } from '@/lib/server/plans/create-plan-draft';
import { importPlanSource } from '@/lib/server/plans/import-plan-source';
import { mergePlanItemWithNext, splitPlanItem, updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import { assignMissingLeadUnits } from '@/lib/server/plans/assign-missing-lead-units';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import { getPlan } from '@/lib/server/plans/get-plan';
import { loadDirectory } from '@/lib/server/plans/load-directory';
import { parsePlan } from '@/lib/core/plan/parse';
import type { Proposal } from '@/lib/core/plan/proposal';
import { COMPARATOR_TO_DB } from '@/lib/core/targets/comparator';
import { sessionUser, testDb, unitId } from '../support/db';

const SEED_002 = readFileSync('seeds/002_6089192e013f8b81.txt', 'utf8');
const SEED_002_REVISED = SEED_002.replace('XX县县长在县委十六届五次全会上的讲话', 'XX县县长在县委十六届五次全会上的讲话（修订稿）');

/** A small plan whose title makes it a distinct document (re-imports are detected by hash). */
function smallPlan(tag: string) {
  return [
    `示范县2024年重点工作任务（${tag}）`,
    '一、扩大有效投资',
    '（一）全年实施重点项目200个以上，完成投资40亿元。6月底前完成年度计划过半。牵头单位：县发改局；配合单位：县财政局、县统计局。',
    '（二）新签约招商项目100个，到位资金50亿元。牵头单位：县投资促进局。',
    '（三）抓好既定事项落实。三季度末前完成。',
    '二、保障改善民生',
    '（一）新增城镇就业2000人。牵头单位：县人社局。',
  ].join('\n');
}

/** Imports `text` as a draft; the fixtures are near-identical on purpose, so that check is confirmed. */
async function draftOf(text: string) {
  const plan = await createPlanDraft({ user: await sessionUser('admin'), input: { text, kind: 'WORK_PLAN', confirmDuplicate: true } });
  const items = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
  return { plan, items };
}

const proposalOf = (item: { proposal: unknown }) => item.proposal as Proposal;
function taskItem<T extends { kind: string; text: string }>(items: T[], text: string): T {
  const found = items.find((item) => item.kind === 'TASK' && item.text.includes(text));
  if (!found) throw new Error(`no task item containing ${text}`);
  return found;
}

describe('plan import (data layer)', () => {
  test('the office imports (a revised copy of) seed 002 as a draft whose items and proposals follow the parser', async () => {
    // The demo seed has already imported and published seed 002 itself, so the document as it is
    // comes back as a re-import; a revised copy (new title line) is a new document.
    const admin = await sessionUser('admin');
    const seeded = await testDb.plan.findFirstOrThrow({ where: { sourceName: '002_6089192e013f8b81.txt' } });
    await expect(createPlanDraft({ user: admin, input: { text: SEED_002 } })).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { planId: [seeded.id] } });
    // The revised copy is recognised as nearly the same document; the office imports it anyway.
    await expect(createPlanDraft({ user: admin, input: { text: SEED_002_REVISED } })).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { planId: [seeded.id] } });

    const { plan, items } = await draftOf(SEED_002_REVISED);
    const parsed = parsePlan(SEED_002_REVISED, { units: (await loadDirectory()).units });
    expect(plan).toMatchObject({ status: 'DRAFT', year: 2023, title: 'XX县县长在县委十六届五次全会上的讲话（修订稿）', kind: 'WORK_PLAN', cleanedText: parsed.cleaned });
    // Paragraphs of several subjects come as a parent (the parser's task) with sub-tasks inside its span.
    const decomposed = new Set(items.filter((item) => proposalOf(item)?.decomposed).map((item) => item.id));
    const fromParser = items.filter((item) => !item.parentId || !decomposed.has(item.parentId));
    expect(fromParser.map((item) => [item.level, decomposed.has(item.id) ? 'TASK' : item.kind, item.numbering, item.spanStart, item.spanEnd])).toEqual(
      parsed.items.map((item) => [item.level, item.kind.toUpperCase(), item.numbering, item.span[0], item.span[1]]),
    );
    expect(items.map((item) => item.position)).toEqual(items.map((_, position) => position));
    const tasks = items.filter((item) => item.kind === 'TASK');
    expect(tasks.length).toBe(parsed.items.filter((item) => item.kind === 'task').length - decomposed.size + items.filter((item) => item.parentId && decomposed.has(item.parentId)).length);
    expect(tasks.length).toBeGreaterThan(10);
    for (const task of tasks) expect(proposalOf(task).deadline.date).toMatch(/^2023-\d\d-\d\d$/);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'Plan', entityId: plan.id } });
    expect(event).toMatchObject({ action: 'plan.import', actorId: admin.id, after: { items: items.length, tasks: tasks.length } });
  });

  test('re-importing the same document, pasted or uploaded, is refused with a link and creates nothing', async () => {
    const admin = await sessionUser('admin');
    const text = smallPlan('重复导入');
    const { plan } = await draftOf(text);
    const before = { plans: await testDb.plan.count(), items: await testDb.planItem.count() };
    const again = createPlanDraft({ user: admin, input: { text, kind: 'WORK_PLAN' } });
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { planId: [plan.id] } });
    await expect(again).rejects.toThrow(`该文件已导入过：《${plan.title}》`);
    const upload = importPlanSource({ user: admin, input: { file: { name: '计划.txt', bytes: new TextEncoder().encode(text) } } });
    await expect(upload).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { planId: [plan.id] } });
    expect({ plans: await testDb.plan.count(), items: await testDb.planItem.count() }).toEqual(before);
  });

  test('a nearly identical document is recognised before parsing; the office may import it anyway; the year keeps its source', async () => {
    const admin = await sessionUser('admin');
    const text = [
      '河湾县2026年水利工作要点',
      '一、新建灌渠12公里，完成病险水库除险加固6座。牵头单位：县发改局。',
      '二、农村供水工程覆盖人口达到18万人，水质达标率95%以上。牵头单位：县财政局。',
      '三、完成水土流失治理面积30平方公里，新建淤地坝4座。牵头单位：县人社局。',
      '四、年底前完成河湖划界确权，清理河道“四乱”问题60处。牵头单位：县统计局。',
    ].join('\n');
    const first = await createPlanDraft({ user: admin, input: { text, kind: 'WORK_PLAN' } });
    expect(first).toMatchObject({ year: 2026, yearSource: 'title' });
    const edited = text.replace('60处', '65处').replace(/\n/g, '\r\n');
    const before = await testDb.plan.count();
    const again = createPlanDraft({ user: admin, input: { text: edited, kind: 'WORK_PLAN' } });
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { planId: [first.id] } });
    await expect(again).rejects.toThrow(`该文件与已导入的《${first.title}》几乎相同`);
    expect(await testDb.plan.count()).toBe(before);
    const confirmed = await importPlanSource({ user: admin, input: { text: edited, year: 2025, confirmDuplicate: true } });
    expect(confirmed).toMatchObject({ year: 2025, yearSource: 'option' });
  });

  test('uploads: a non-UTF-8 text file is refused, an .xlsx breakdown table is imported with its owners', async () => {
    const admin = await sessionUser('admin');
    const before = await testDb.plan.count();
    await expect(
      importPlanSource({ user: admin, input: { file: { name: '计划.txt', bytes: new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc]) } } }),
    ).rejects.toMatchObject({ code: 'INVALID', fieldErrors: { file: [expect.stringContaining('不是 UTF-8 编码')] } });
    await expect(importPlanSource({ user: admin, input: { text: smallPlan('二选一'), file: { name: '计划.txt', bytes: new TextEncoder().encode('x') } } })).rejects.toThrow(
      '请只选择一种方式',
    );
    await expect(importPlanSource({ user: admin, input: { text: '  ' } })).rejects.toThrow('请粘贴计划文本或选择文件');
    expect(await testDb.plan.count()).toBe(before);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('分解表');
    sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow([1, '全年实施重点项目200个以上', '县发改局', '县财政局', '2024年6月底前']);
    sheet.addRow([2, '新增城镇就业2000人', '县人社局', '', '2024年12月底前']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const plan = await importPlanSource({ user: admin, input: { file: { name: '2024年重点任务分解表.xlsx', bytes }, year: '2024', title: '2024年重点任务分解表' } });
    expect(plan).toMatchObject({ title: '2024年重点任务分解表', year: 2024, sourceName: '2024年重点任务分解表.xlsx' });
    const items = await testDb.planItem.findMany({ where: { planId: plan.id, kind: 'TASK' }, orderBy: { position: 'asc' } });
    expect(items.map((item) => [proposalOf(item).leadUnitId, proposalOf(item).coUnitIds, proposalOf(item).deadline.date])).toEqual([
      [await unitId('fgj'), [await unitId('czj')], '2024-06-30'],
      [await unitId('rsj'), [], '2024-12-31'],
    ]);
  });

  test('leaders and unit users can neither import, read, edit nor publish a plan', async () => {
    const { plan, items } = await draftOf(smallPlan('越权'));
    const item = taskItem(items, '全年实施重点项目');
    const fgj = await unitId('fgj');
    for (const username of ['leader', 'fgj_head', 'fgj_staff']) {
      const user = await sessionUser(username);
      await expect(createPlanDraft({ user, input: { text: smallPlan(`越权-${username}`) } })).rejects.toThrow('无权执行导入计划');
      await expect(importPlanSource({ user, input: { text: smallPlan(`越权-${username}`) } })).rejects.toThrow('无权执行导入计划');
      await expect(getPlan({ user, planId: plan.id })).rejects.toThrow('未找到该记录');
      await expect(updatePlanItem({ user, input: { itemId: item.id, leadUnitId: fgj, deadline: '2024-01-31' } })).rejects.toThrow('无权执行编辑计划');
      await expect(splitPlanItem({ user, input: { itemId: item.id, at: 5 } })).rejects.toThrow('无权执行编辑计划');
      await expect(mergePlanItemWithNext({ user, itemId: item.id })).rejects.toThrow('无权执行编辑计划');
      await expect(assignMissingLeadUnits({ user, input: { planId: plan.id, leadUnitId: fgj } })).rejects.toThrow('无权执行编辑计划');
      await expect(publishPlan({ user, planId: plan.id })).rejects.toThrow('无权执行发布计划');
    }
    expect(await testDb.plan.count({ where: { title: { contains: '越权-' } } })).toBe(0);
    const after = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    expect(after).toEqual(items);
    expect(await testDb.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: 'DRAFT' });
    expect(await testDb.task.count({ where: { planId: plan.id } })).toBe(0);
  });

  test('the office corrects a lead unit and a deadline; the change is audited', async () => {
    const admin = await sessionUser('admin');
    const { items } = await draftOf(smallPlan('修改'));
    const item = taskItem(items, '全年实施重点项目');
    const [fgj, czj, tjj] = [await unitId('fgj'), await unitId('czj'), await unitId('tjj')];
    expect(proposalOf(item)).toMatchObject({ leadUnitId: fgj, leadUnitSource: 'document', coUnitIds: [czj, tjj], deadline: { date: '2024-06-30', text: '6月底前', inferred: false } });

    // Promoting a co-unit to lead drops it from the co-units.
    await updatePlanItem({ user: admin, input: { itemId: item.id, leadUnitId: czj, deadline: '2024-08-31' } });
    const stored = await testDb.planItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(proposalOf(stored)).toMatchObject({ leadUnitId: czj, leadUnitSource: 'reviewer', coUnitIds: [tjj], deadline: { date: '2024-08-31', text: '6月底前', inferred: false } });
    expect(proposalOf(stored).title).toBe(proposalOf(item).title);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { entity: 'PlanItem', entityId: item.id, action: 'plan.item.update' } });
    expect(event.before).toMatchObject({ proposal: { leadUnitId: fgj, deadline: { date: '2024-06-30' } } });
    expect(event.after).toMatchObject({ proposal: { leadUnitId: czj, deadline: { date: '2024-08-31' } } });

    // Bad input is refused in Chinese and changes nothing.
    await expect(updatePlanItem({ user: admin, input: { itemId: item.id, deadline: '2024-02-30' } })).rejects.toThrow('日期无效');
    await expect(updatePlanItem({ user: admin, input: { itemId: item.id, leadUnitId: 'no-such-unit' } })).rejects.toThrow('所选单位不存在');
    await expect(updatePlanItem({ user: admin, input: { itemId: item.id, coUnitIds: [czj] } })).rejects.toThrow('配合单位不能与牵头单位相同');
    await expect(updatePlanItem({ user: admin, input: { itemId: item.id, title: 'x' } })).rejects.toThrow('请填写任务名称');
    expect(await testDb.planItem.findUniqueOrThrow({ where: { id: item.id } })).toEqual(stored);
  });

  test('split and merge keep document order and are audited', async () => {
    const admin = await sessionUser('admin');
    const { plan, items } = await draftOf(smallPlan('拆分合并'));
    const item = taskItem(items, '全年实施重点项目');
    const at = item.text.indexOf('6月底前');
    const second = await splitPlanItem({ user: admin, input: { itemId: item.id, at } });
    let after = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    expect(after.map((i) => i.position)).toEqual(after.map((_, index) => index));
    const index = after.findIndex((i) => i.id === item.id);
    expect(after[index + 1]!.id).toBe(second.id);
    expect(after[index]!.text).toBe(item.text.slice(0, at).trim());
    expect(second.text).toBe(item.text.slice(at).trim());
    expect(proposalOf(second).deadline).toMatchObject({ date: '2024-06-30', inferred: false });
    // The other items keep their relative order.
    expect(after.filter((i) => i.id !== second.id).map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(await testDb.auditEvent.count({ where: { entityId: item.id, action: 'plan.item.split' } })).toBe(1);

    await mergePlanItemWithNext({ user: admin, itemId: item.id });
    after = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    expect(after.map((i) => i.id)).toEqual(items.map((i) => i.id));
    const merged = after.find((i) => i.id === item.id)!;
    expect(merged.text).toBe(`${item.text.slice(0, at).trim()}${item.text.slice(at).trim()}`);
    expect([merged.spanStart, merged.spanEnd]).toEqual([item.spanStart, item.spanEnd]);
    expect(await testDb.auditEvent.count({ where: { entityId: item.id, action: 'plan.item.merge' } })).toBe(1);

    await expect(splitPlanItem({ user: admin, input: { itemId: item.id, at: merged.text.length } })).rejects.toThrow('拆分位置无效');
    const last = after[after.length - 1]!;
    await expect(mergePlanItemWithNext({ user: admin, itemId: last.id })).rejects.toThrow('后面没有可合并的同级项');
  });

  test('publishing refuses, creating nothing, while a task item has no lead unit; the bulk control fills only those', async () => {
    const admin = await sessionUser('admin');
    const { plan, items } = await draftOf(smallPlan('缺牵头单位'));
    const orphan = taskItem(items, '抓好既定事项落实');
    expect(proposalOf(orphan).leadUnitId).toBeNull();
    const tasksBefore = await testDb.task.count();
    await expect(publishPlan({ user: admin, planId: plan.id })).rejects.toMatchObject({
      code: 'INVALID',
      fieldErrors: { items: [expect.stringContaining('未指定牵头单位')] },
    });
    expect(await testDb.task.count()).toBe(tasksBefore);
    expect(await testDb.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: 'DRAFT', publishedAt: null });

    const xwb = await unitId('xwb');
    expect(await assignMissingLeadUnits({ user: admin, input: { planId: plan.id, leadUnitId: xwb } })).toBe(1);
    const after = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    expect(after.filter((i) => i.kind === 'TASK').map((i) => proposalOf(i).leadUnitId)).toEqual([await unitId('fgj'), await unitId('tcj'), xwb, await unitId('rsj')]);
    expect(proposalOf(after.find((i) => i.id === orphan.id)!).leadUnitSource).toBe('reviewer');
    expect(await testDb.auditEvent.count({ where: { entityId: orphan.id, action: 'plan.item.update' } })).toBe(1);
  });

  test('publishing creates exactly the task items not excluded, with targets and co-units, audited and notified', async () => {
    const admin = await sessionUser('admin');
    const { plan, items } = await draftOf(smallPlan('发布'));
    const [fgj, czj, tjj, tcj, rsj] = [await unitId('fgj'), await unitId('czj'), await unitId('tjj'), await unitId('tcj'), await unitId('rsj')];
    const invest = taskItem(items, '全年实施重点项目');
    const orphan = taskItem(items, '抓好既定事项落实');
    await updatePlanItem({ user: admin, input: { itemId: orphan.id, excluded: true } });
    await updatePlanItem({ user: admin, input: { itemId: invest.id, deadline: '2024-07-31', leaderIds: [(await sessionUser('leader')).id] } });

    // The 2024 deadlines are past: refused, creating nothing, until the office confirms them.
    const tasksBefore = await testDb.task.count();
    await expect(publishPlan({ user: admin, planId: plan.id, ip: '10.0.0.9' })).rejects.toMatchObject({ code: 'INVALID', fieldErrors: { confirmPastDeadlines: [expect.any(String)] } });
    await expect(publishPlan({ user: admin, planId: plan.id })).rejects.toThrow('有 3 项任务的完成时限已过：「全年实施重点项目200个以上，完成投资40亿元」');
    expect(await testDb.task.count()).toBe(tasksBefore);
    const lastSeq = (await testDb.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;

    const result = await publishPlan({ user: admin, planId: plan.id, ip: '10.0.0.9', confirmPastDeadlines: true });
    expect(result).toEqual({ planId: plan.id, tasks: 3 });
    const tasks = await testDb.task.findMany({
      where: { planId: plan.id },
      orderBy: { code: 'asc' },
      include: { targets: { orderBy: { position: 'asc' } }, coUnits: true, leaders: true },
    });
    expect(tasks.map((t) => [t.planItemId, t.leadUnitId, t.deadline.toISOString().slice(0, 10), t.status, t.year])).toEqual([
      [invest.id, fgj, '2024-07-31', 'ASSIGNED', 2024],
      [taskItem(items, '新签约招商项目').id, tcj, '2024-12-31', 'ASSIGNED', 2024],
      [taskItem(items, '新增城镇就业').id, rsj, '2024-12-31', 'ASSIGNED', 2024],
    ]);
    const first = tasks[0]!;
    expect(first).toMatchObject({ deadlineText: '6月底前', deadlineInferred: false, sourceText: invest.text });
    expect(first.coUnits.map((c) => c.unitId).sort()).toEqual([czj, tjj].sort());
    expect(first.leaders.map((l) => l.leaderId)).toEqual([(await sessionUser('leader')).id]);
    expect(first.targets.map((t) => [t.comparator, Number(t.value), t.unit])).toEqual(proposalOf(invest).targets.map((t) => [COMPARATOR_TO_DB[t.comparator], t.value, t.unit]));
    expect(first.targets.length).toBeGreaterThan(0);
    expect(tasks[2]!.deadlineInferred).toBe(true);

    const events = await testDb.auditEvent.findMany({ where: { seq: { gt: lastSeq } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['task.create', 'task.create', 'task.create', 'plan.publish']);
    expect(events.filter((e) => e.action === 'task.create').map((e) => e.entityId).sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(events.every((e) => e.ip === '10.0.0.9' && e.actorId === admin.id)).toBe(true);

    const notified = await testDb.notification.findMany({ where: { dedupeKey: { startsWith: `plan.publish:${plan.id}:` } }, include: { user: true } });
    const byUnit = new Map<string, string[]>();
    for (const n of notified) byUnit.set(n.user.unitId!, [...(byUnit.get(n.user.unitId!) ?? []), n.title]);
    expect([...byUnit.keys()].sort()).toEqual([fgj, czj, tjj, tcj, rsj].sort());
    expect(byUnit.get(fgj)).toEqual([`《${plan.title}》交办任务 1 项`, `《${plan.title}》交办任务 1 项`]); // head and liaison
    expect(await testDb.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(Date) });
  });

  test('a published plan is frozen: no edits, no second publish', async () => {
    const admin = await sessionUser('admin');
    const { plan, items } = await draftOf(smallPlan('已发布'));
    const orphan = taskItem(items, '抓好既定事项落实');
    await updatePlanItem({ user: admin, input: { itemId: orphan.id, excluded: true } });
    await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true });
    const published = await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    const item = taskItem(items, '全年实施重点项目');
    const frozen = '计划已发布，分解结果不能再修改';
    await expect(updatePlanItem({ user: admin, input: { itemId: item.id, deadline: '2024-01-31' } })).rejects.toThrow(frozen);
    await expect(updatePlanItem({ user: admin, input: { itemId: orphan.id, excluded: false } })).rejects.toThrow(frozen);
    await expect(splitPlanItem({ user: admin, input: { itemId: item.id, at: 5 } })).rejects.toThrow(frozen);
    await expect(mergePlanItemWithNext({ user: admin, itemId: item.id })).rejects.toThrow(frozen);
    await expect(assignMissingLeadUnits({ user: admin, input: { planId: plan.id, leadUnitId: await unitId('xwb') } })).rejects.toThrow(frozen);
    await expect(publishPlan({ user: admin, planId: plan.id })).rejects.toThrow('该计划已发布，不能重复发布');
    expect(await testDb.task.count({ where: { planId: plan.id } })).toBe(3);
    expect(await testDb.planItem.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } })).toEqual(published);
  });
});
