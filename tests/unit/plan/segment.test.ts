import { describe, expect, test } from 'vitest';
import { matchBlockNumbering, findInlineChain } from '@/lib/core/plan/numbering';
import { parsePlan } from '@/lib/core/plan/parse';
import { expectWellFormed, targetTuples } from './helpers';

const tree = (text: string, year = 2024) => {
  const r = parsePlan(text, { year });
  expectWellFormed(r);
  return r.items.map((i) => `${'  '.repeat(i.level - 1)}${i.kind} ${i.numbering ?? '-'} ${i.heading ?? i.text}`);
};

describe('numbering tokens', () => {
  test.each([
    ['一、总体要求', 'cn-dun', 1],
    ['十二、其他', 'cn-dun', 12],
    ['（三）加强领导', 'cn-paren', 3],
    ['(三)加强领导', 'cn-paren', 3],
    ['1.建设项目', 'ar-dot', 1],
    ['12、建设项目', 'ar-dun', 12],
    ['（1）上半年完成', 'ar-paren', 1],
    ['2）下半年', 'ar-rparen', 2],
    ['①召开动员会', 'circled', 1],
    ['⑴召开动员会', 'ar-paren', 1],
    ['一是聚精会神学报告', 'shi', 1],
    ['三要恪守初心使命', 'yao', 3],
    ['亮点二：坚持稳中求进', 'label:亮点', 2],
    ['第一部分 工作回顾', 'part', 1],
    ['第二，要抓项目', 'di', 2],
  ])('%s → %s %d', (text, style, value) => {
    const m = matchBlockNumbering(text, 0);
    expect(m?.style).toBe(style);
    expect(m?.value).toBe(value);
  });

  test('1.2021年8月底前完成 is item 1 followed by a date; 1.5万亩 is a quantity; 1.2 加快 is two-level numbering', () => {
    expect(matchBlockNumbering('1.2021年8月底前完成', 0)).toMatchObject({ style: 'ar-dot', value: 1, start: 0, end: 2 });
    expect(matchBlockNumbering('1.5万亩高标准农田建设', 0)).toBeNull();
    expect(matchBlockNumbering('3.5%的增速', 0)).toBeNull();
    expect(matchBlockNumbering('1.2加快推进', 0)).toMatchObject({ style: 'ar-multi', value: 2 });
  });

  test('not numbering: 一要求, 统一是, 一是一', () => {
    expect(matchBlockNumbering('一要求各单位', 0)).toBeNull();
    expect(matchBlockNumbering('2024年工作', 0)).toBeNull();
  });

  test('inline chains need order, boundaries and real pieces', () => {
    const s = '主要有三点：一是振奋精神聚合力。二是分解任务起好步。三是强化落实开新局。';
    expect(findInlineChain(s, 0, s.length)?.map((m) => m.value)).toEqual([1, 2, 3]);
    expect(findInlineChain('坚持统一是关键，二是其次。', 0, 13)).toBeNull();
    expect(findInlineChain('一是一，二是二。', 0, 8)).toBeNull();
    expect(findInlineChain('只有一是不够的。', 0, 8)).toBeNull();
  });
});

describe('hierarchy', () => {
  test('一、 （一） 1. （1） ① nest in that order', () => {
    const text = ['2024年工作要点', '一、总体目标', '（一）经济发展', '1.项目建设', '（1）上半年开工10个项目', '①3月召开动员会', '②6月底前完成招标', '（2）下半年竣工5个项目', '2.招商引资', '（二）社会民生', '二、保障措施'].join('\n');
    expect(tree(text)).toEqual([
      'section 一、 总体目标',
      '  section （一） 经济发展',
      '    section 1. 项目建设',
      '      section （1） 上半年开工10个项目',
      '        task ① 3月召开动员会',
      '        task ② 6月底前完成招标',
      '      task （2） 下半年竣工5个项目',
      '    task 2. 招商引资',
      '  task （二） 社会民生',
      'task 二、 保障措施',
    ]);
  });

  test('a more major style closes minor ones even if the document skipped a level', () => {
    const text = ['（一）第一项工作。内容。', '1.细项一。', '二、第二部分', '（一）第二部分第一项。内容。'].join('\n');
    expect(tree(text)).toEqual([
      'section （一） 第一项工作',
      '  task 1. 细项一。',
      'section 二、 第二部分',
      '  task （一） 第二部分第一项',
    ]);
  });

  test('speech styles: 一、 → 一要 → inline 一是…二是…', () => {
    const text = [
      '一、坚持量质并举',
      '一要增强精品意识，提升县城核心带动力。一是科学规划优布局。严格落实国土空间规划。二是民生导向强功能。提标基础设施。',
      '二要聚力招商引资。下半年外出招商推介20次以上。',
    ].join('\n');
    const r = parsePlan(text, { year: 2023 });
    expectWellFormed(r);
    expect(r.items.map((i) => [i.id, i.kind, i.numbering, i.heading, i.level])).toEqual([
      ['1', 'section', '一、', '坚持量质并举', 1],
      ['1.1', 'section', '一要', '增强精品意识，提升县城核心带动力', 2],
      ['1.1.1', 'task', '一是', '科学规划优布局', 3],
      ['1.1.2', 'task', '二是', '民生导向强功能', 3],
      ['1.2', 'task', '二要', '聚力招商引资', 2],
    ]);
    expect(r.items[1]!.text).toBe('增强精品意识，提升县城核心带动力。');
    expect(r.items[2]!.text).toBe('科学规划优布局。严格落实国土空间规划。');
    expect(r.items[4]!.deadline).toEqual({ text: '下半年', date: '2023-12-31', inferred: false });
    expect(targetTuples(r.items[4]!)).toEqual([['>=', 20, null, '次']]);
  });

  test('亮点一： items and unnumbered paragraphs under plain heading lines', () => {
    const text = ['2023年工作亮点', '亮点一：项目建设提速。全年完成投资50亿元。', '亮点二：民生改善。新增就业1000人。', '2024年工作计划', '持续攻坚项目建设。确保完成投资60亿元以上。', '持续增进民生福祉。城镇新增就业1200人以上。'].join('\n');
    const r = parsePlan(text, { year: 2024 });
    expectWellFormed(r);
    expect(r.items.map((i) => [i.id, i.kind, i.numbering, i.heading])).toEqual([
      ['1', 'review', null, '2023年工作亮点'],
      ['1.1', 'review', '亮点一：', '项目建设提速'],
      ['1.2', 'review', '亮点二：', '民生改善'],
      ['2', 'section', null, '2024年工作计划'],
      ['2.1', 'task', null, '持续攻坚项目建设'],
      ['2.2', 'task', null, '持续增进民生福祉'],
    ]);
    expect(r.items[1]!.targets).toEqual([]); // review items carry no targets
    expect(targetTuples(r.items[4]!)).toEqual([['>=', 60, null, '亿元']]);
  });

  test('paragraphs with no numbering at all are tasks', () => {
    const text = '加快推进XX大道建设，年底前建成通车。\n实施老旧小区改造12个。';
    const r = parsePlan(text, { year: 2024 });
    expect(r.items.map((i) => [i.kind, i.text])).toEqual([
      ['task', '加快推进XX大道建设，年底前建成通车。'],
      ['task', '实施老旧小区改造12个。'],
    ]);
    expect(r.items[0]!.deadline).toEqual({ text: '年底前', date: '2024-12-31', inferred: false });
  });

  test('1.2021年8月底前完成 is item 1 with deadline 2021-08-31 and no target 1.2021', () => {
    const r = parsePlan('一、重点任务\n1.2021年8月底前完成XX路改造\n2.2021年10月底前完成验收', { year: 2021 });
    expectWellFormed(r);
    const [first, second] = r.items.slice(1);
    expect(first).toMatchObject({ numbering: '1.', text: '2021年8月底前完成XX路改造', targets: [] });
    expect(first!.deadline).toEqual({ text: '2021年8月底前', date: '2021-08-31', inferred: false });
    expect(second!.deadline?.date).toBe('2021-10-31');
  });

  test('owner and deadline lines attach to the item above', () => {
    const text = ['1.建设标准化厂房10万平方米', '牵头单位：县工信局', '配合单位：县自然资源局、县住建局', '牵头领导：张建华', '完成时限：2024年9月底前', '2.新增入园企业2—3家（县招商局牵头，各镇配合）'].join('\n');
    const r = parsePlan(text, { year: 2024 });
    expectWellFormed(r);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.owners).toEqual({ leaders: ['张建华'], leadUnits: ['县工信局'], coUnits: ['县自然资源局', '县住建局'] });
    expect(r.items[0]!.deadline).toEqual({ text: '2024年9月底前', date: '2024-09-30', inferred: false });
    expect(r.items[1]!.owners).toEqual({ leaders: [], leadUnits: ['县招商局'], coUnits: ['各镇'] });
    expect(targetTuples(r.items[1]!)).toEqual([['range', 2, 3, '家']]);
  });

  test('an owner line may also carry the deadline', () => {
    const r = parsePlan('1.建设标准化厂房10万平方米\n牵头单位：县工信局 完成时限：9月底前', { year: 2024 });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.owners.leadUnits).toEqual(['县工信局']);
    expect(r.items[0]!.deadline).toEqual({ text: '9月底前', date: '2024-09-30', inferred: false });
  });

  test('a heading deadline applies to the items below it (inferred)', () => {
    const r = parsePlan('一、一季度重点任务\n1.召开全县动员大会\n2.6月底前完成规划编制', { year: 2024 });
    expect(r.items[1]!.deadline).toEqual({ text: '一季度', date: '2024-03-31', inferred: true });
    expect(r.items[2]!.deadline).toEqual({ text: '6月底前', date: '2024-06-30', inferred: false });
  });
});

describe('review vs plan', () => {
  test('2023年工作回顾 is review, 2024年工作计划 is plan', () => {
    const text = ['XX局2023年工作总结和2024年工作计划', '一、2023年工作回顾', '（一）项目建设成效明显。完成投资30亿元。', '二、2024年工作计划', '（一）加快项目建设。完成投资40亿元以上。', '（二）优化营商环境。年内新增市场主体3000户。'].join('\n');
    const r = parsePlan(text);
    expectWellFormed(r);
    expect(r.year).toBe(2024);
    expect(r.items.map((i) => [i.id, i.kind])).toEqual([
      ['1', 'review'],
      ['1.1', 'review'],
      ['2', 'section'],
      ['2.1', 'task'],
      ['2.2', 'task'],
    ]);
    expect(r.items[1]!.deadline).toBeNull();
    expect(targetTuples(r.items[3]!)).toEqual([['>=', 40, null, '亿元']]);
  });

  test.each([
    ['一、一年来工作情况'],
    ['一、主要成绩'],
    ['一、上半年工作总结'],
    ['一、2023年重点工作情况'],
    ['一、存在的问题'],
  ])('%s opens a review part', (heading) => {
    const r = parsePlan(`${heading}\n（一）做了某项工作。取得成效。\n二、下半年工作安排\n（一）继续做好某项工作。`, { year: 2024 });
    expect(r.items.map((i) => i.kind)).toEqual(['review', 'review', 'section', 'task']);
  });

  test.each([['二、工作安排'], ['二、2024年工作展望'], ['二、重点任务'], ['二、明年工作思路'], ['二、下半年工作打算']])('%s opens a plan part', (heading) => {
    const r = parsePlan(`一、工作回顾\n（一）做了某项工作。取得成效。\n${heading}\n（一）继续做好某项工作。`, { year: 2024 });
    expect(r.items.map((i) => i.kind)).toEqual(['review', 'review', 'section', 'task']);
  });

  test('a paragraph that opens with a past year or 今年以来 is review; a preamble 以…为指导 is not a task', () => {
    const text = '2023年，我县以习近平新时代中国特色社会主义思想为指导，取得新成效。\n2024年工作计划\n2024年，我县将坚持以习近平新时代中国特色社会主义思想为指导，奋力谱写新篇章。\n一是抓项目。全年建设项目200个以上。';
    const r = parsePlan(text);
    expect(r.items.map((i) => [i.kind, i.numbering])).toEqual([
      ['review', null],
      ['section', null],
      ['review', null],
      ['task', '一是'],
    ]);
  });
});

describe('document shapes beyond the seeds', () => {
  test('a 印发 notice wrapper: addressee and cover sentence are not tasks, signature and date are dropped', () => {
    const text = [
      '关于印发《XX县2024年工作要点》的通知',
      '各镇人民政府，县政府各部门：',
      '现将《XX县2024年工作要点》印发给你们，请认真贯彻执行。',
      'XX县2024年工作要点',
      '一、稳增长',
      '（一）全年地区生产总值增长6.5%左右。（牵头单位：县发改局）',
      '（二）一季度实现“开门红”。（牵头单位：县工信局）',
      'XX县人民政府办公室',
      '2024年1月10日',
    ].join('\n');
    const r = parsePlan(text);
    expectWellFormed(r);
    expect(r.title).toBe('关于印发《XX县2024年工作要点》的通知');
    expect(r.year).toBe(2024);
    expect(r.items.map((i) => [i.id, i.kind, i.numbering])).toEqual([
      ['1', 'review', null],
      ['2', 'review', null],
      ['3', 'section', null],
      ['3.1', 'section', '一、'],
      ['3.1.1', 'task', '（一）'],
      ['3.1.2', 'task', '（二）'],
    ]);
    expect(r.items[4]!.owners.leadUnits).toEqual(['县发改局']);
    expect(r.items[5]!.deadline).toEqual({ text: '一季度', date: '2024-03-31', inferred: false });
  });

  test('a year-end speech: date and author lines skipped, 第一，… numbering, 明年 work counted from the next year', () => {
    const text = [
      '在全县经济工作会议上的讲话',
      '（2023年12月28日）',
      '县委书记 张三',
      '同志们：',
      '今天召开全县经济工作会议，主要任务是总结今年工作，部署明年工作。下面，我讲三点意见。',
      '第一，要全面总结2023年工作成绩。今年以来，全县GDP增长6.5%。',
      '第二，要扎实做好明年重点工作。一是抓项目。全年实施重点项目150个，一季度开工项目不少于50个。二是抓民生。年底前建成保障性住房500套。',
      '同志们，让我们团结一心，为完成明年目标任务而努力奋斗！',
    ].join('\n');
    const r = parsePlan(text);
    expectWellFormed(r);
    expect(r.year).toBe(2023);
    expect(r.yearSource).toBe('date');
    expect(r.items.map((i) => [i.id, i.kind, i.numbering])).toEqual([
      ['1', 'review', null],
      ['2', 'review', null],
      ['3', 'review', '第一，'],
      ['4', 'section', '第二，'],
      ['4.1', 'task', '一是'],
      ['4.2', 'task', '二是'],
      ['5', 'review', null],
    ]);
    expect(r.items[4]!.deadline).toEqual({ text: '一季度', date: '2024-03-31', inferred: false });
    expect(r.items[5]!.deadline).toEqual({ text: '年底前', date: '2024-12-31', inferred: false });
  });

  test('a keyword sub-heading inside numbered structure stays a sub-heading', () => {
    const text = ['2024年工作方案', '一、总体要求', '主要目标', '到2024年底，完成投资100亿元。', '二、重点任务', '（一）抓项目。全年开工50个。'].join('\n');
    const r = parsePlan(text);
    expect(r.items.map((i) => [i.id, i.kind, i.heading ?? i.text])).toEqual([
      ['1', 'section', '总体要求'],
      ['1.1', 'section', '主要目标'],
      ['1.1.1', 'task', '到2024年底，完成投资100亿元。'],
      ['2', 'section', '重点任务'],
      ['2.1', 'task', '抓项目'],
    ]);
  });

  test('为…特制定本计划 preambles are context; HTML copies parse like text', () => {
    const html =
      '<div><h1>2024年乡村振兴工作计划</h1><p>为全面推进乡村振兴，特制定本计划。</p><p>一、重点任务</p><p>（一）新建茶园1万亩，食用菌5000万袋。</p><p>（二）农村卫生厕所普及率达到90%以上。</p></div><div>版权所有 © XX县人民政府</div>';
    const r = parsePlan(html);
    expectWellFormed(r);
    expect(r.title).toBe('2024年乡村振兴工作计划');
    expect(r.items.map((i) => [i.kind, i.numbering])).toEqual([
      ['review', null],
      ['section', '一、'],
      ['task', '（一）'],
      ['task', '（二）'],
    ]);
    expect(targetTuples(r.items[2]!)).toEqual([
      ['=', 1, null, '万亩'],
      ['=', 5000, null, '万袋'],
    ]);
    expect(targetTuples(r.items[3]!)).toEqual([['>=', 90, null, '%']]);
  });

  test('hard-wrapped PDF text is rejoined before parsing', () => {
    const text = [
      '2024年城市管理工作计划',
      '一、主要任务',
      '1.加强市容环境整治。开展占道经营、乱搭乱建专项整治行动，年',
      '内拆除违法建筑2万平方米，规范设置便民摊点10处。',
      '2.推进垃圾分类。6月底前在县城建成区全面推行生活垃圾分类，',
      '新建垃圾分类投放点200个。',
    ].join('\n');
    const r = parsePlan(text);
    expect(r.items.slice(1).map((i) => [i.numbering, i.deadline?.date, targetTuples(i)])).toEqual([
      ['1.', '2024-12-31', [['=', 2, null, '万平方米'], ['=', 10, null, '处']]],
      ['2.', '2024-06-30', [['=', 200, null, '个']]],
    ]);
    expect(r.items[1]!.deadline?.text).toBe('年内');
  });
});
