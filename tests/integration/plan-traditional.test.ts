// A plan written in traditional characters (issue 15): the review offers 转换为简体, which converts
// the draft's working text and keeps the document as written; search finds a task in either form.
import { describe, expect, test } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { importPlanSource } from '@/lib/server/plans/import-plan-source';
import { getPlan } from '@/lib/server/plans/get-plan';
import { publishPlan } from '@/lib/server/plans/publish-plan';
import { decomposePlanItem, recomposePlanItem, updatePlanItem } from '@/lib/server/plans/edit-plan-draft';
import { draftTextVersion, simplifyPlanDraft } from '@/lib/server/plans/simplify-plan-draft';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { exportTaskLedger } from '@/lib/server/tasks/export-task-ledger';
import { draftIsTraditional } from '@/lib/core/plan/simplify-draft';
import type { Proposal } from '@/lib/core/plan/proposal';
import { parseTaskListParams } from '@/lib/core/schemas/task-list';
import { sessionUser, testDb } from '../support/db';

const TODAY = new Date('2027-03-01T04:00:00Z');

async function docx(lines: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The review page's view of a draft: whether it offers the conversion, and the version it sends. */
async function reviewOf(planId: string) {
  const plan = await getPlan({ user: await sessionUser('admin'), planId });
  const items = plan.items.map((item) => ({ id: item.id, text: item.text, heading: item.heading, numbering: item.numbering, proposal: item.proposal as Proposal | null }));
  return { plan, offered: draftIsTraditional(plan.title, items), version: draftTextVersion({ title: plan.title, items }) };
}

const search = async (q: string) => (await listTasks({ user: await sessionUser('admin'), params: parseTaskListParams({ q, pageSize: '100' }), today: TODAY })).rows.map((row) => row.title);

describe('traditional-character plans', () => {
  test('convert the working text, keep the source, publish, and find the task by its traditional form', async () => {
    const admin = await sessionUser('admin');
    const lines = ['示範縣2027年衛生健康重點工作任務', '一、醫療服務', '（一）遷建縣醫院綜合樓，6月底前完成主體工程，年底前投入使用。牽頭單位：縣發改局。', '（二）新建鄉鎮衛生院標準化門診8個。牽頭單位：縣人社局。', '（三）開工重點項目80個，完成固定資產投資45億元。全年招商引資到位資金60億元，9月底前新簽約項目20個。'];
    const plan = await importPlanSource({ user: admin, input: { file: { name: '衛生健康計劃.docx', bytes: await docx(lines) }, year: 2027 } });
    const before = await reviewOf(plan.id);
    expect(before.offered).toBe(true);
    expect(before.plan.items.some((item) => item.text.includes('遷建縣醫院綜合樓'))).toBe(true);
    const source = { originalText: before.plan.originalText, cleanedText: before.plan.cleanedText };
    expect(source.originalText).toContain('遷建縣醫院綜合樓');

    // Only the office converts; a version the reviewer did not see is refused.
    await expect(simplifyPlanDraft({ user: await sessionUser('fgj_head'), input: { planId: plan.id, version: before.version } })).rejects.toThrow('无权执行编辑计划');
    await expect(simplifyPlanDraft({ user: admin, input: { planId: plan.id, version: '0'.repeat(64) } })).rejects.toThrow('已被他人修改');

    const changed = await simplifyPlanDraft({ user: admin, input: { planId: plan.id, version: before.version } });
    expect(changed).toBeGreaterThanOrEqual(3);
    const after = await reviewOf(plan.id);
    expect(after.offered).toBe(false);
    expect(after.plan.title).toBe('示范县2027年卫生健康重点工作任务');
    const task = after.plan.items.find((item) => item.text.includes('迁建县医院综合楼'))!;
    expect(task.text).toBe('迁建县医院综合楼，6月底前完成主体工程，年底前投入使用。牵头单位：县发改局。');
    // Same length as the text it was converted from, which its span still marks in the document.
    const unconverted = before.plan.items.find((item) => item.id === task.id)!;
    expect(task.text.length).toBe(unconverted.text.length);
    expect(after.plan.cleanedText.slice(task.spanStart, task.spanEnd)).toContain(unconverted.text);
    expect((task.proposal as Proposal).title).toBe('迁建县医院综合楼，6月底前完成主体工程，年底前投入使用');
    expect(after.plan.items.every((item) => !/[縣醫遷鄉鎮衛設]/.test(item.text + ((item.proposal as Proposal | null)?.title ?? '')))).toBe(true);
    expect({ originalText: after.plan.originalText, cleanedText: after.plan.cleanedText }).toEqual(source);

    const audit = await testDb.auditEvent.findMany({ where: { action: 'plan.simplify', entityId: plan.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, entity: 'Plan' });
    expect(JSON.stringify(audit[0]!.before)).toContain('遷建縣醫院綜合樓');

    // Idempotent: converting again changes and records nothing; the old version is now stale.
    await expect(simplifyPlanDraft({ user: admin, input: { planId: plan.id, version: before.version } })).rejects.toThrow('已被他人修改');
    expect(await simplifyPlanDraft({ user: admin, input: { planId: plan.id, version: after.version } })).toBe(0);
    expect(await testDb.auditEvent.count({ where: { action: 'plan.simplify', entityId: plan.id } })).toBe(1);

    // 分解 after the conversion: the parts' spans still mark their sentences in the document.
    const paragraph = after.plan.items.find((item) => item.text.startsWith('开工重点项目80个'))!;
    if (paragraph.kind === 'SECTION') await recomposePlanItem({ user: admin, itemId: paragraph.id });
    const parts = await decomposePlanItem({ user: admin, itemId: paragraph.id });
    const spans = await testDb.planItem.findMany({ where: { id: { in: parts.map((p) => p.id) } }, orderBy: { position: 'asc' } });
    expect(spans.map((p) => after.plan.cleanedText.slice(p.spanStart, p.spanStart + 4))).toEqual(['開工重點', '全年招商']);
    await recomposePlanItem({ user: admin, itemId: paragraph.id });
    await updatePlanItem({ user: admin, input: { itemId: paragraph.id, excluded: true } });

    await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true });
    const tasks = await testDb.task.findMany({ where: { planId: plan.id }, select: { title: true, sourceText: true } });
    expect(tasks.map((t) => t.title).sort()).toEqual(['新建乡镇卫生院标准化门诊8个', '迁建县医院综合楼，6月底前完成主体工程，年底前投入使用'].sort());
    await expect(simplifyPlanDraft({ user: admin, input: { planId: plan.id, version: after.version } })).rejects.toThrow('计划已发布');

    // Typed in traditional, the query finds the simplified task; the ledger export searches the same way.
    expect(await search('縣醫院綜合樓')).toEqual(['迁建县医院综合楼，6月底前完成主体工程，年底前投入使用']);
    expect(await search('县医院综合楼')).toEqual(['迁建县医院综合楼，6月底前完成主体工程，年底前投入使用']);
    const ledger = await exportTaskLedger({ user: admin, params: parseTaskListParams({ q: '鄉鎮衛生院標準化' }), today: TODAY });
    expect(JSON.stringify(ledger)).toContain('新建乡镇卫生院标准化门诊8个');
  });

  test('a task kept in traditional characters is found by its simplified form', async () => {
    const admin = await sessionUser('admin');
    const text = ['示範縣2027年文旅重點工作', '一、擴建縣級圖書館閱覽區1處。牽頭單位：縣發改局。'].join('\n');
    const plan = await importPlanSource({ user: admin, input: { text, year: 2027 } });
    await publishPlan({ user: admin, planId: plan.id, confirmPastDeadlines: true });
    expect(await search('扩建县级图书馆')).toEqual(['擴建縣級圖書館閱覽區1處']);
    expect(await search('擴建縣級圖書館')).toEqual(['擴建縣級圖書館閱覽區1處']);
    expect(await search('扩建县级体育馆')).toEqual([]);
  });
});
