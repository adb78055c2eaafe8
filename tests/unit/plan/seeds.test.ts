// Assertions on the five real documents in seeds/ (expected values read from the documents).
import { describe, expect, test } from 'vitest';
import { parsePlan } from '@/lib/core/plan/parse';
import type { PlanItem } from '@/lib/core/plan/schema';
import { byHeading, descendants, expectWellFormed, SEEDS, seed, targetTuples } from './helpers';

const parsed = (name: string) => {
  const r = parsePlan(seed(name));
  expectWellFormed(r);
  return r;
};
const phrases = (it: PlanItem) => it.targets.map((t) => t.text);

describe('seed 000: 2024年县委办工作计划 (一是…八是)', () => {
  const r = parsed(SEEDS.plan2024);

  test('title, year, cleaned text', () => {
    expect(r.title).toBe('2024年县委办工作计划');
    expect(r.year).toBe(2024);
    expect(r.yearSource).toBe('title');
    expect(r.cleaned).not.toMatch(/素材|文库|paidbegin|paidend/);
    expect(r.cleaned).toContain('钨新材料产业园');
  });

  test('the preamble is context; 一是…八是 are eight tasks', () => {
    expect(r.items[0]).toMatchObject({ kind: 'review', numbering: null });
    const tasks = r.items.filter((i) => i.kind === 'task');
    expect(tasks.map((i) => i.numbering)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是']);
    expect(tasks.every((i) => i.level === 1)).toBe(true);
    expect(tasks[0]!.heading).toBe('聚精会神学报告、悟精神');
  });

  test('二是: three targets with their phrases', () => {
    const it = byHeading(r.items, '只争朝夕抓项目、扩投资');
    expect(targetTuples(it)).toEqual([
      ['>=', 200, null, '个'],
      ['>=', 150, null, '亿元'],
      ['>=', 150, null, '亿元'],
    ]);
    expect(phrases(it)).toEqual(['全年建设项目200个以上', '年度完成投资150亿元以上', '全年招商到位资金150亿元以上']);
    expect(it.deadline).toEqual({ text: '全年', date: '2024-12-31', inferred: false });
  });

  test('三是: 3年内 deadline; 5家, 2户, 20%以上', () => {
    const it = byHeading(r.items, '凝心聚力兴产业、强集群');
    expect(it.deadline).toEqual({ text: '3年内', date: '2026-12-31', inferred: false });
    expect(targetTuples(it)).toEqual([
      ['=', 5, null, '家'],
      ['=', 2, null, '户'],
      ['>=', 20, null, '%'],
    ]);
  });

  test('tasks without wording get the inferred year end', () => {
    expect(byHeading(r.items, '全力以赴固成果、促振兴').deadline).toEqual({ text: null, date: '2024-12-31', inferred: true });
  });
});

describe('seed 001: traditional characters, 亮点 review and 2024年工作展望 plan', () => {
  const r = parsed(SEEDS.traditional);

  test('traditional text kept, pinyin and ?/p> fragments removed, simplified form aligned', () => {
    expect(r.isTraditional).toBe(true);
    expect(r.cleaned).toContain('以習近平新時代中國特色社會主義思想為指導');
    expect(r.cleaned).not.toMatch(/\(x[íi]\)|\(dǎo\)|\(wù\)|\?\/p>|\?!/);
    expect(r.simplified).toContain('以习近平新时代中国特色社会主义思想为指导');
    expect(r.year).toBe(2024);
    expect(r.yearSource).toBe('heading');
  });

  test('亮點一…八 are review items under the 2023 highlights heading', () => {
    const head = byHeading(r.items, '2023年經濟社會工作八大亮點');
    expect(head.kind).toBe('review');
    const kids = r.items.filter((i) => i.parentId === head.id);
    expect(kids.map((i) => i.numbering)).toEqual(['亮點一：', '亮點二：', '亮點三：', '亮點四：', '亮點五：', '亮點六：', '亮點七：', '亮點八：']);
    expect(kids.every((i) => i.kind === 'review' && i.targets.length === 0 && i.deadline === null)).toBe(true);
    expect(kids[0]!.heading).toBe('強化政治學習，主題教育走深走實');
  });

  test('the 2024 outlook is a plan section whose paragraphs are tasks', () => {
    const plan = byHeading(r.items, '2024年工作展望');
    expect(plan.kind).toBe('section');
    const kids = r.items.filter((i) => i.parentId === plan.id);
    expect(kids[0]!.kind).toBe('review'); // the 以…为指导 preamble is context
    const tasks = kids.filter((i) => i.kind === 'task');
    expect(tasks.map((i) => i.heading)).toEqual([
      '持續攻堅項目建設',
      '持續壯大產業集群',
      '持續鞏固生態優勢',
      '持續推進改革創新',
      '持續加快城鄉融合',
      '持續增進民生福祉',
      '持續維護安全穩定',
      '持續深化全面從嚴治黨',
    ]);
    const welfare = byHeading(r.items, '持續增進民生福祉');
    expect(targetTuples(welfare)).toEqual([
      ['>=', 1680, null, '人'],
      ['>=', 3.55, null, '萬人次'],
    ]);
    expect(phrases(welfare)).toEqual(['城鎮新增就業1680人以上', '農村勞動力轉移就業3.55萬人次以上']);
  });

  test('the opening 2023 paragraph is review', () => {
    expect(r.items[0]).toMatchObject({ kind: 'review', level: 1 });
    expect(r.items[0]!.text.startsWith('2023年，商洛市柞水縣')).toBe(true);
  });
});

describe('seed 002: 县长讲话 (一、 → 一要 → 一是), mid-year 2023', () => {
  const r = parsed(SEEDS.speech);

  test('title and year (from the years the speech mentions)', () => {
    expect(r.title).toBe('XX县县长在县委十六届五次全会上的讲话');
    expect(r.year).toBe(2023);
    expect(r.items.filter((i) => i.level === 1 && i.numbering).map((i) => i.numbering)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });

  test('客观看待成绩 and 认清形势 are review; the opening and closing remarks are not tasks', () => {
    const achievements = byHeading(r.items, '客观看待成绩，坚定信心、保持定力');
    expect(achievements.kind).toBe('review');
    expect(descendants(r.items, achievements.id).map((i) => [i.numbering, i.kind])).toEqual([
      ['一是', 'review'],
      ['二是', 'review'],
      ['三是', 'review'],
    ]);
    expect(byHeading(r.items, '充分认清形势，正视问题、增强动力').kind).toBe('review');
    expect(r.items[0]).toMatchObject({ kind: 'review', numbering: null });
    expect(r.items[r.items.length - 1]).toMatchObject({ kind: 'review', level: 1 });
    expect(r.items[r.items.length - 1]!.text.startsWith('同志们')).toBe(true);
  });

  test('二要聚力招商引资: 下半年 deadline and four targets', () => {
    const it = byHeading(r.items, '聚力招商引资，增强发展动能');
    expect(it.kind).toBe('task');
    expect(it.deadline).toEqual({ text: '下半年', date: '2023-12-31', inferred: false });
    expect(targetTuples(it)).toEqual([
      ['>=', 20, null, '次'],
      ['>=', 10, null, '个'],
      ['>=', 100, null, '个'],
      ['>=', 100, null, '亿元'],
    ]);
    expect(phrases(it)[0]).toBe('下半年外出招商推介20次以上');
  });

  test('一要抓就业促增收: 2000人以上, 不低于6800个, 3000人以上', () => {
    const it = byHeading(r.items, '抓就业促增收，增强群众获得感');
    expect(targetTuples(it)).toEqual([
      ['>=', 2000, null, '人'],
      ['>=', 6800, null, '个'],
      ['>=', 3000, null, '人'],
    ]);
    expect(phrases(it)[1]).toBe('开发公益性岗位不低于6800个');
  });

  test('一要固本强基: 百分点 and 万平方米; 四要: 突破8亿元; 三要抓纲带目: 万亩 / 万吨', () => {
    const industry = byHeading(r.items, '固本强基，调优工业结构');
    expect(targetTuples(industry)).toContainEqual(['>=', 10, null, '百分点']);
    expect(targetTuples(industry)).toContainEqual(['=', 18, null, '万平方米']);
    expect(targetTuples(industry)).toContainEqual(['>=', 11, null, '户']);
    expect(targetTuples(byHeading(r.items, '聚力挖潜活市，推动消费升级'))).toContainEqual(['>', 8, null, '亿元']);
    const farming = byHeading(r.items, '抓纲带目，提升农业质效');
    expect(targetTuples(farming).slice(0, 3)).toEqual([
      ['=', 2.5, null, '万亩'],
      ['=', 55, null, '万亩'],
      ['=', 10.2, null, '万吨'],
    ]);
  });

  test('inline 一是… under 一要 under 一、 in the plan part are tasks at level 3', () => {
    const town = byHeading(r.items, '增强精品意识，提升县城核心带动力');
    expect(town).toMatchObject({ kind: 'section', level: 2, numbering: '一要' });
    expect(descendants(r.items, town.id).map((i) => [i.numbering, i.heading, i.kind, i.level])).toEqual([
      ['一是', '科学规划优布局', 'task', 3],
      ['二是', '民生导向强功能', 'task', 3],
      ['三是', '绣花功夫精管理', 'task', 3],
    ]);
  });
});

describe('seed 003: page chrome, line-wrap spaces, flattened speech', () => {
  const r = parsed(SEEDS.wrapped);

  test('chrome removed, wrap spaces removed, title found', () => {
    expect(r.cleaned).not.toMatch(/购物车|我的足迹|加入Vip|立即下载/);
    expect(r.cleaned).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(r.cleaned).toContain('县“两会”结束后');
    expect(r.title).toBe('在县政府2024年第一次全体会议上的讲话');
    expect(r.year).toBe(2024);
  });

  test('the flattened speech is split at 一、 / 二、 with 一要… as children', () => {
    const top = r.items.filter((i) => i.level === 1);
    expect(top.map((i) => i.numbering)).toEqual([null, '一、', '二、']);
    expect(top[0]!.text.startsWith('同志们：')).toBe(true); // the repeated title is not part of the text
    expect(r.items.filter((i) => i.parentId === top[2]!.id).map((i) => i.numbering)).toEqual(['一要', '二要']);
  });

  test('二要突出重点加油干: 6月底前, 90%以上, 43.8亿元以上, 18.9亿元以上', () => {
    const it = byHeading(r.items, '突出重点加油干');
    expect(it.kind).toBe('task');
    expect(it.deadline).toEqual({ text: '6月底前', date: '2024-06-30', inferred: false });
    expect(targetTuples(it)).toEqual(
      expect.arrayContaining([
        ['=', 9, null, '%'],
        ['>=', 90, null, '%'],
        ['>=', 43.8, null, '亿元'],
        ['>=', 18.9, null, '亿元'],
        ['>=', 10, null, '家'],
      ]),
    );
    expect(phrases(it)).toContain('重点项目6月底前开工90%以上');
  });

  test('一要坚定发展信心 (回顾去年…) is review', () => {
    expect(byHeading(r.items, '坚定发展信心').kind).toBe('review');
  });
});

describe('seed 004: 2023年工作总结及2024年工作计划', () => {
  const r = parsed(SEEDS.summaryPlan);

  test('the 2023 section is review, the 2024 section is plan', () => {
    expect(r.title).toBe('XX县2023年工作总结及2024年工作计划');
    expect(r.year).toBe(2024);
    const review = byHeading(r.items, '2023年重点工作情况');
    expect(review).toMatchObject({ kind: 'review', numbering: '一、', level: 1 });
    const reviewKids = descendants(r.items, review.id);
    expect(reviewKids.length).toBe(20);
    expect(reviewKids.every((i) => i.kind === 'review' && i.deadline === null && i.targets.length === 0)).toBe(true);

    const plan = byHeading(r.items, '2024年重点工作安排');
    expect(plan).toMatchObject({ kind: 'section', numbering: '二、', level: 1 });
    const planKids = descendants(r.items, plan.id);
    expect(planKids.filter((i) => i.kind === 'section').map((i) => i.numbering)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(planKids.filter((i) => i.kind === 'task')).toHaveLength(17);
    expect(planKids.every((i) => i.kind !== 'review')).toBe(true);
  });

  test('XXX placeholders in the 2024 targets: value null, no invented numbers', () => {
    const goals = r.items.find((i) => i.text.startsWith('2024年主要预期目标是'))!;
    expect(goals.kind).toBe('task');
    expect(goals.targets.map((t) => [t.comparator, t.value, t.unit, t.placeholder, t.text])).toEqual([
      ['≈', null, '%', true, '地区生产总值同比增长XXX%左右'],
      ['=', null, '%', true, '规上工业增加值增速XXX%'],
      ['=', null, '亿元', true, '招商引资到位资金XXX亿元'],
      ['=', null, '亿元', true, '固定资产投资XXX亿元'],
      ['=', null, '%', true, '财税收入同比增长XXX%'],
      ['=', null, '%', true, '商贸经济营业额增速XXX%'],
      ['=', null, '%', true, '高新技术和高新企业增加值增速XXX%'],
    ]);
  });

  test('the opening 2023年以来… summary paragraph is review', () => {
    expect(r.items[0]).toMatchObject({ kind: 'review', numbering: null });
  });
});

describe('all seeds', () => {
  test.each(Object.values(SEEDS))('%s: spans index the cleaned text and contain the item text', (name) => {
    const r = parsed(name);
    for (const it of r.items) {
      const slice = r.cleaned.slice(it.span[0], it.span[1]);
      expect(slice.includes(it.text)).toBe(true);
      if (it.numbering) expect(slice.startsWith(it.numbering)).toBe(true);
    }
  });

  test.each(Object.values(SEEDS))('%s: parses fast (well under 20 ms after warm-up)', (name) => {
    const raw = seed(name);
    for (let i = 0; i < 5; i++) parsePlan(raw);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      parsePlan(raw);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // Best of 15 (the machine may be busy with other work; the best run measures the parser).
    expect(times[0]!).toBeLessThan(20);
  });
});
