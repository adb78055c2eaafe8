// Several deadlines in one item (issue 15): a deadline stated in one clause belongs to that clause's
// target; the item is due at its last step. Wording written for these tests.
import { describe, expect, test } from 'vitest';
import { findDeadline } from '@/lib/core/plan/deadlines';
import { proposeItem, targetDeadline } from '@/lib/core/plan/proposal';
import { parsePlan } from '@/lib/core/plan/parse';

const stated = (text: string, year = 2026) => findDeadline(text, year)?.stated?.map((s) => [s.text, s.date]);

describe('one deadline per clause', () => {
  test('a clause deadline does not become the whole item\'s: the item is due at its last step', () => {
    const d = findDeadline('新建污水管网30公里，8月底前完成管网铺设80%以上，年底前全部通水运行', 2026)!;
    expect(d).toMatchObject({ text: '年底前', date: '2026-12-31', inferred: false });
    expect(stated('新建污水管网30公里，8月底前完成管网铺设80%以上，年底前全部通水运行')).toEqual([
      ['8月底前', '2026-08-31'],
      ['年底前', '2026-12-31'],
    ]);
  });

  test('three steps in three clauses are three dates', () => {
    expect(stated('二季度完成设计招标；三季度完成路基工程50%以上；11月底前完成路面铺装')).toEqual([
      ['二季度', '2026-06-30'],
      ['三季度', '2026-09-30'],
      ['11月底前', '2026-11-30'],
    ]);
  });

  test('a scope word (全年) yields to a clause\'s date, as before', () => {
    const d = findDeadline('全年完成造林面积2万亩，其中春季造林3月底前完成60%', 2026)!;
    expect(d).toMatchObject({ text: '3月底前', date: '2026-03-31' });
    expect(d.stated).toBeUndefined();
  });

  test('the same date in two clauses is one deadline', () => {
    expect(findDeadline('6月底前完成摸底，6月底前完成建档', 2026)?.stated).toBeUndefined();
  });

  test('dates numbered in one cell are kept apart, not read as decimals', () => {
    expect(stated('1.2026年5月 2.2026年11月')).toEqual([
      ['2026年5月', '2026-05-31'],
      ['2026年11月', '2026-11-30'],
    ]);
    expect(stated('①2026.4 ②2026.10')).toEqual([
      ['2026.4', '2026-04-30'],
      ['2026.10', '2026-10-31'],
    ]);
    expect(findDeadline('1.2026年5月 2.2026年11月', 2026)?.date).toBe('2026-11-30');
  });
});

describe('a target carries its own clause\'s deadline', () => {
  test('targetDeadline picks the one date stated inside the phrase', () => {
    const deadline = { stated: [{ text: '8月底前', date: '2026-08-31' }, { text: '年底前', date: '2026-12-31' }] };
    expect(targetDeadline('8月底前完成管网铺设80%以上', deadline)).toEqual({ text: '8月底前', date: '2026-08-31' });
    expect(targetDeadline('新建污水管网30公里', deadline)).toBeUndefined();
    expect(targetDeadline('8月底前铺设、年底前通水100%', deadline)).toBeUndefined();
    expect(targetDeadline('8月底前完成80%', {})).toBeUndefined();
  });

  test('a parsed item: each target with its own step, the task due at the last', () => {
    const r = parsePlan('示范县2026年城建工作要点\n一、新建污水管网30公里，8月底前完成管网铺设80%以上，年底前入户接通率达到95%。\n', { year: 2026, units: [] });
    const item = r.items.find((i) => i.kind === 'task')!;
    const proposal = proposeItem(item, { units: [], leaders: [] }, null, 2026);
    expect(proposal.deadline.date).toBe('2026-12-31');
    expect(proposal.targets.map((t) => [t.value, t.unit, t.deadline?.date ?? null])).toEqual([
      [30, '公里', null],
      [80, '%', '2026-08-31'],
      [95, '%', '2026-12-31'],
    ]);
  });
});
