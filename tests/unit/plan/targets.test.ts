import { describe, expect, test } from 'vitest';
import { extractTargets } from '@/lib/core/plan/targets';

const t = (text: string) => extractTargets(text).map((x) => [x.comparator, x.value, x.valueMax, x.unit, x.placeholder] as const);

describe('extractTargets: comparators', () => {
  test('以上 / 不少于 / 不低于 / 至少 → >=', () => {
    expect(t('确保全年建设项目200个以上')).toEqual([['>=', 200, null, '个', false]]);
    expect(t('开发公益性岗位不低于6800个')).toEqual([['>=', 6800, null, '个', false]]);
    expect(t('培训人数不少于3000人次')).toEqual([['>=', 3000, null, '人次', false]]);
    expect(t('至少建成5个示范村')).toEqual([['>=', 5, null, '个', false]]);
  });

  test('超 / 超过 / 突破 / 过 / 余 / 多 → >', () => {
    expect(t('电商销售额突破8亿元')).toEqual([['>', 8, null, '亿元', false]]);
    expect(t('50万元以上的村超过10%')).toEqual([['>', 10, null, '%', false]]);
    expect(t('粮食产量超10万吨')).toEqual([['>', 10, null, '万吨', false]]);
    expect(t('年产值过5000万元')).toEqual([['>', 5000, null, '万元', false]]);
    expect(t('落实减税降费3000余万元')).toEqual([['>', 3000, null, '万元', false]]);
    expect(t('荣获40多项国省级殊荣')).toEqual([['>', 40, null, '项', false]]);
  });

  test('左右 / 约 / 近 → ≈', () => {
    expect(t('地区生产总值同比增长7%左右')).toEqual([['≈', 7, null, '%', false]]);
    expect(t('带动就业约1200人')).toEqual([['≈', 1200, null, '人', false]]);
  });

  test('以内 / 不超过 / 控制在 → <=; 低于 → <', () => {
    expect(t('城镇调查失业率控制在5.5%以内')).toEqual([['<=', 5.5, null, '%', false]]);
    expect(t('单位GDP能耗增幅不超过3%')).toEqual([['<=', 3, null, '%', false]]);
    expect(t('办理时限压缩至3个工作日内')).toEqual([['<=', 3, null, '个工作日', false]]);
    expect(t('事故起数低于5起，死亡人数少于2人')).toEqual([['<', 5, null, '起', false], ['<', 2, null, '人', false]]);
  });

  test('ranges 2—3家 / 2-3家 / 2至3家 / 2~3家 / 20%-30%', () => {
    for (const text of ['新增入园企业2—3家', '新增入园企业2-3家', '新增入园企业2至3家', '新增入园企业2~3家']) {
      expect(t(text)).toEqual([['range', 2, 3, '家', false]]);
    }
    expect(t('提高20%-30%')).toEqual([['range', 20, 30, '%', false]]);
  });

  test('plain numbers are =', () => {
    expect(t('力促全年新纳规上工业企业5家')).toEqual([['=', 5, null, '家', false]]);
  });
});

describe('extractTargets: units', () => {
  test('起 counts cases (事故, 案件, 火灾), with any comparator', () => {
    expect(t('较大及以上生产安全事故不超过1起')).toEqual([['<=', 1, null, '起', false]]);
    expect(t('全年查办违法案件30起以上')).toEqual([['>=', 30, null, '起', false]]);
    expect(t('火灾起数控制在12起以内，亡人火灾0起')).toEqual([['<=', 12, null, '起', false], ['=', 0, null, '起', false]]);
  });

  test('起 after a date or in 起步/起点/起算 is not a unit', () => {
    expect(t('本办法自2025年3月1日起施行')).toEqual([]);
    expect(t('出租车运价以8起步，里程从3起算')).toEqual([]);
  });

  test('the document words are kept: 万元, 亿元, 万亩, 万人次, 公里, 吨, 万平方米', () => {
    expect(t('年度完成投资150亿元以上')).toEqual([['>=', 150, null, '亿元', false]]);
    expect(t('技术合同成交总金额8300万元以上')).toEqual([['>=', 8300, null, '万元', false]]);
    expect(t('建设高标准农田2.5万亩')).toEqual([['=', 2.5, null, '万亩', false]]);
    expect(t('农村劳动力转移就业3.55万人次以上')).toEqual([['>=', 3.55, null, '万人次', false]]);
    expect(t('实施县城至营盘18公里水生态修复')).toEqual([['=', 18, null, '公里', false]]);
    expect(t('生产春茶10084吨')).toEqual([['=', 10084, null, '吨', false]]);
    expect(t('加快飞地园区18万平方米标准化厂房建设')).toEqual([['=', 18, null, '万平方米', false]]);
  });

  test('percentages with ％ and %, and 百分点', () => {
    expect(t('规上工业总产值增长20%以上')).toEqual([['>=', 20, null, '%', false]]);
    expect(t('规上工业总产值增长20％以上')).toEqual([['>=', 20, null, '%', false]]);
    expect(t('降幅收窄10个百分点以上')).toEqual([['>=', 10, null, '百分点', false]]);
    expect(t('提高2.5百分点')).toEqual([['=', 2.5, null, '百分点', false]]);
  });

  test('traditional text keeps its own unit words', () => {
    expect(t('城鎮新增就業1680人以上，農村勞動力轉移就業3.55萬人次以上')).toEqual([
      ['>=', 1680, null, '人', false],
      ['>=', 3.55, null, '萬人次', false],
    ]);
  });

  test('several targets in one sentence, each with its short phrase', () => {
    const r = extractTargets('确保全年建设项目200个以上、年度完成投资150亿元以上。');
    expect(r.map((x) => x.text)).toEqual(['全年建设项目200个以上', '年度完成投资150亿元以上']);
    const r2 = extractTargets('确保全年新增规上工业企业5家、限上单位5家、有资质建筑企业2家、房地产和服务企业各1家。');
    expect(r2.map((x) => [x.text, x.value, x.unit])).toEqual([
      ['全年新增规上工业企业5家', 5, '家'],
      ['限上单位5家', 5, '家'],
      ['有资质建筑企业2家', 2, '家'],
      ['房地产和服务企业各1家', 1, '家'],
    ]);
  });

  test('two quantities in one clause share the clause as their phrase', () => {
    const r = extractTargets('全年47个重点建设项目完成投资43.8亿元以上');
    expect(r.map((x) => [x.comparator, x.value, x.unit, x.text])).toEqual([
      ['=', 47, '个', '全年47个重点建设项目完成投资43.8亿元以上'],
      ['>=', 43.8, '亿元', '全年47个重点建设项目完成投资43.8亿元以上'],
    ]);
  });
});

describe('extractTargets: placeholders', () => {
  test('XXX / X / ××× placeholders: value null, placeholder true, nothing invented', () => {
    expect(extractTargets('完成税收XXX万元')).toEqual([
      { text: '完成税收XXX万元', comparator: '=', value: null, valueMax: null, unit: '万元', placeholder: true },
    ]);
    expect(t('同比增长X%')).toEqual([['=', null, null, '%', true]]);
    expect(t('地区生产总值同比增长XXX%左右')).toEqual([['≈', null, null, '%', true]]);
    expect(t('固定资产投资×××亿元')).toEqual([['=', null, null, '亿元', true]]);
  });

  test('XX used as a redacted name is not a target', () => {
    expect(t('XX县XX产业园加快建设')).toEqual([]);
    expect(t('都是“X人”')).toEqual([]);
  });
});

describe('extractTargets: conditions that are not targets', () => {
  test.each([
    ['35岁以下青年人才'],
    ['连续3年获评先进'],
    ['2024年主要目标'],
    ['6月底前完成'],
    ['确保三季度全部开工'],
    ['第一议题'],
    ['党的二十大精神'],
    ['3月份召开会议'],
    ['“双10目标”'],
    ['落实归雁经济10条措施'],
    ['创建5A级景区和4A级景区'],
    ['新建5G网络'],
    ['“1844”机制'],
    ['《2023年生态环境保护工作考核实施细则》'],
    ['“4·23”学习日'],
    ['排名全市前3名'],
    ['用时6个月'],
    ['每年1次'],
  ])('%s', (text) => {
    expect(t(text)).toEqual([]);
  });

  test('a qualifier with 的 is not a target, the real target next to it is', () => {
    expect(t('村集体经济年收入50万元以上的村超过10%')).toEqual([['>', 10, null, '%', false]]);
  });

  test('years, dates and numbering do not leak into quantities', () => {
    expect(t('2021年8月底前完成')).toEqual([]);
    expect(t('新储备2024年拟建项目150个以上')).toEqual([['>=', 150, null, '个', false]]);
    expect(t('2024.3.15前完成100户改造')).toEqual([['=', 100, null, '户', false]]);
  });
});

describe('extractTargets: robustness', () => {
  test('empty and odd input', () => {
    expect(extractTargets('')).toEqual([]);
    expect(extractTargets('1,000,000元')).toEqual([
      { text: '1,000,000元', comparator: '=', value: 1000000, valueMax: null, unit: '元', placeholder: false },
    ]);
    expect(() => extractTargets('\ud800'.repeat(10) + '1个'.repeat(1000))).not.toThrow();
  });
});
