import { describe, expect, test } from 'vitest';
import { extractDeadline, findDeadline } from '@/lib/core/plan/deadlines';

const d = (text: string, year = 2024) => {
  const r = extractDeadline(text, year);
  return [r.date, r.text, r.inferred] as const;
};

describe('extractDeadline: months', () => {
  test.each([
    ['6月底前完成', '2024-06-30', '6月底前'],
    ['9月前完成招标', '2024-09-30', '9月前'],
    ['3月召开动员会', '2024-03-31', '3月'],
    ['2月底前', '2024-02-29', '2月底前'],
    ['11月中旬完成', '2024-11-20', '11月中旬'],
    ['5月上旬', '2024-05-10', '5月上旬'],
    ['十月底前建成', '2024-10-31', '十月底前'],
    ['三月份启动', '2024-03-31', '三月份'],
    ['6月15日前报送', '2024-06-15', '6月15日前'],
    ['1-3月完成前期工作', '2024-03-31', '3月'],
  ])('%s', (text, date, phrase) => {
    expect(d(text)).toEqual([date, phrase, false]);
  });

  test('2月底 respects leap years', () => {
    expect(d('2月底前', 2023)[0]).toBe('2023-02-28');
  });
});

describe('extractDeadline: quarters, halves, year', () => {
  test.each([
    ['一季度完成', '2024-03-31', '一季度'],
    ['第二季度', '2024-06-30', '第二季度'],
    ['确保三季度全部开工', '2024-09-30', '三季度'],
    ['四季度提前开工', '2024-12-31', '四季度'],
    ['力促首季“开门红”', '2024-03-31', '首季'],
    ['上半年完成规划编制', '2024-06-30', '上半年'],
    ['下半年外出招商推介20次以上', '2024-12-31', '下半年'],
    ['年内开工建设', '2024-12-31', '年内'],
    ['年底前全面完成', '2024-12-31', '年底前'],
    ['全年新增就业2000人', '2024-12-31', '全年'],
    ['年度完成投资150亿元', '2024-12-31', '年度'],
  ])('%s', (text, date, phrase) => {
    expect(d(text)).toEqual([date, phrase, false]);
  });

  test('N年内 → end of year + N − 1', () => {
    expect(d('围绕3年内率先实现工业倍增目标')).toEqual(['2026-12-31', '3年内', false]);
    expect(d('三年内建成')).toEqual(['2026-12-31', '三年内', false]);
    expect(d('1年内完成')).toEqual(['2024-12-31', '1年内', false]);
  });
});

describe('extractDeadline: explicit dates', () => {
  test.each([
    ['2012年10月底前完成', '2012-10-31', '2012年10月底前'],
    ['2021.8', '2021-08-31', '2021.8'],
    ['2024年3月15日前召开', '2024-03-15', '2024年3月15日前'],
    ['2024-03-15前', '2024-03-15', '2024-03-15前'],
    ['2025年底前建成', '2025-12-31', '2025年底前'],
    ['到2025年，基本建成', '2025-12-31', '到2025年'],
    ['2024年二季度', '2024-06-30', '2024年二季度'],
  ])('%s', (text, date, phrase) => {
    expect(d(text)).toEqual([date, phrase, false]);
  });

  test('1.2021年8月底前完成 (numbering removed by the segmenter) gives 2021-08-31', () => {
    expect(d('2021年8月底前完成')).toEqual(['2021-08-31', '2021年8月底前', false]);
  });

  test('a decimal quantity is not a year.month date', () => {
    expect(d('完成投资2021.8亿元')).toEqual(['2024-12-31', null, true]);
  });
});

describe('extractDeadline: relative to the document year', () => {
  test('明年 / 次年', () => {
    expect(d('明年完成全面评估', 2023)).toEqual(['2024-12-31', '明年', false]);
    expect(d('明年6月底前完成', 2023)).toEqual(['2024-06-30', '明年6月底前', false]);
    expect(d('明年上半年投运', 2023)).toEqual(['2024-06-30', '明年上半年', false]);
    expect(d('次年一季度', 2024)).toEqual(['2025-03-31', '次年一季度', false]);
  });

  test('明年 describing an object is not a deadline', () => {
    expect(d('征集谋划好明年民生实事项目', 2023)).toEqual(['2023-12-31', null, true]);
  });

  test('retrospective dates are not deadlines', () => {
    expect(d('今年以来成效明显')).toEqual(['2024-12-31', null, true]);
    expect(d('去年3月开工')).toEqual(['2024-12-31', null, true]);
    expect(d('较去年底增长5%')).toEqual(['2024-12-31', null, true]);
  });
});

describe('extractDeadline: choice and fallback', () => {
  test('no wording → year end, inferred, text null', () => {
    expect(extractDeadline('持续深化改革创新', 2024)).toEqual({ text: null, date: '2024-12-31', inferred: true });
    expect(findDeadline('持续深化改革创新', 2024)).toBeNull();
  });

  test('the most specific phrase wins; equally specific → the latest', () => {
    expect(d('确保重点项目6月底前开工90%以上，全年47个重点建设项目完成投资43.8亿元以上')).toEqual(['2024-06-30', '6月底前', false]);
    expect(d('确保三季度全部开工，四季度提前开工一批')).toEqual(['2024-12-31', '四季度', false]);
    expect(d('3年内率先实现倍增，力促全年新纳规上工业企业5家')).toEqual(['2026-12-31', '3年内', false]);
  });

  test('not deadlines: 每月, 6个月, 季度考核, 月度', () => {
    for (const text of ['每月外出招商', '用时6个月', '强化招商引资季度考核', '月度调度']) {
      expect(d(text)).toEqual(['2024-12-31', null, true]);
    }
  });

  test('traditional text', () => {
    expect(d('確保國家學前教育普及普惠縣通過驗收，年底前完成')).toEqual(['2024-12-31', '年底前', false]);
    expect(d('三季度完成項目建設')).toEqual(['2024-09-30', '三季度', false]);
  });
});
