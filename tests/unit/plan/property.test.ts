// Property tests: parsePlan never throws, never hangs, and always returns well-formed output.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanText } from '@/lib/core/plan/clean';
import { extractDeadline } from '@/lib/core/plan/deadlines';
import { extractOwners, matchUnits } from '@/lib/core/plan/owners';
import { parsePlan } from '@/lib/core/plan/parse';
import { extractTargets } from '@/lib/core/plan/targets';
import { expectWellFormed, SEEDS, seed } from './helpers';

const TIME_BOUND_MS = 1000;

function check(input: string, year?: number): void {
  const t0 = performance.now();
  const r = parsePlan(input, year === undefined ? {} : { year });
  const elapsed = performance.now() - t0;
  expect(elapsed).toBeLessThan(TIME_BOUND_MS);
  expectWellFormed(r);
}

const TOKENS = [
  '一、', '二、', '十、', '（一）', '（二）', '(三)', '1.', '2、', '1.2', '（1）', '(2)', '3）', '①', '②', '⑴', '一是', '二是', '三是',
  '一要', '二要', '亮点一：', '亮點二:', '第一，', '第二部分', '2023年工作回顾', '2024年工作计划', '工作安排', '下半年', '明年',
  '重点任务', '牵头单位：', '责任单位：', '配合单位：', '牵头领导：', '完成时限：', '（县发改局牵头，各镇按职责分工负责）',
  '以上', '不少于', '不低于', '超过', '突破', '左右', '以内', '不超过', '—', '-', '至', '%', '％', '个百分点', '亿元', '万元',
  '万亩', '万人次', '个', '家', '吨', '公里', 'XXX', 'X', '×××', '35岁以下', '连续3年', '2024年', '6月底前', '一季度', '首季',
  '上半年', '年内', '3年内', '2021.8', '2012年10月底前', '第一', '二十大', '3月', '。', '，', '；', '：', '\n', '\n\n', '\t', '|',
  ' ', '　', '【更多素材尽在文库】', '##paidbegin##', '<p>', '</p>', '&nbsp;', '?/p>', '習(xí)', '購物車', '购物车', '加入Vip免费下载',
  '| 序号 | 重点任务 | 牵头单位 | 完成时限 |', '|---|---|---|---|', '序号\t重点任务\t牵头单位', '序号', '重点任务', '牵头单位', '完成时限',
  '同志们', '为指导', '（', '）', '(', ')', '“', '”', '《', '》',
];

const tokenDoc = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 100000 }).map(String) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => n.toFixed(2)) },
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'建设项目完成投资推进加快年月日县镇局'.split('')), maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

const SEED_TEXTS = Object.values(SEEDS).map(seed);

/** A seed with random slices deleted, duplicated or spliced in from another seed. */
const mutatedSeed = fc
  .tuple(
    fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
    fc.array(
      fc.tuple(
        fc.constantFrom('delete', 'duplicate', 'splice', 'insert'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
        fc.constantFrom(...TOKENS),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([i, ops]) => {
    let text = SEED_TEXTS[i]!;
    for (const [op, a, b, j, token] of ops) {
      const x = Math.floor(Math.min(a, b) * text.length);
      const y = Math.floor(Math.max(a, b) * text.length);
      const len = Math.min(y - x, 3000);
      if (op === 'delete') text = text.slice(0, x) + text.slice(x + len);
      else if (op === 'duplicate') text = text.slice(0, x + len) + text.slice(x, x + len) + text.slice(x + len);
      else if (op === 'insert') text = text.slice(0, x) + token + text.slice(x);
      else {
        const other = SEED_TEXTS[j]!;
        const ox = Math.floor(a * other.length);
        text = text.slice(0, x) + other.slice(ox, ox + len) + text.slice(x);
      }
    }
    return text;
  });

describe('parsePlan never throws, never hangs, output is always well-formed', () => {
  test('random unicode strings (including lone surrogates and control characters)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes)),
        ),
        (s) => check(s),
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  test('random numbering tokens, units, comparators, dates and numbers', () => {
    fc.assert(
      fc.property(tokenDoc, fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: undefined }), (s, year) => check(s, year)),
      { numRuns: 2500 },
    );
  }, 60_000);

  test('seed documents with random slices deleted, duplicated and spliced', () => {
    fc.assert(fc.property(mutatedSeed, (s) => check(s)), { numRuns: 300 });
  }, 60_000);

  test('the extractors never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(tokenDoc, fc.string({ unit: 'binary', maxLength: 200 })), fc.integer({ min: 1900, max: 2200 }), (s, year) => {
        const targets = extractTargets(s);
        for (const t of targets) expect(t.placeholder ? t.value === null : Number.isFinite(t.value)).toBe(true);
        expect(extractDeadline(s, year).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const owners = extractOwners(s, { units: [{ name: '县发展和改革局', shortName: '县发改局' }] });
        matchUnits([...owners.leadUnits, ...owners.coUnits, s], [{ name: '县发展和改革局', shortName: '县发改局' }]);
        const c = cleanText(s);
        expect(c.simplified.length).toBe(c.text.length);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  test('pathological inputs stay linear', () => {
    const cases = [
      '1个'.repeat(30000),
      '<script>'.repeat(50000),
      '序号\n任务\n'.repeat(10000),
      '一是'.repeat(30000),
      Array.from({ length: 5000 }, (_, i) => `${(i % 50) + 1}.任务${i}`).join('\n'),
      '（'.repeat(30000) + '牵头' + '）'.repeat(30000),
      '中 '.repeat(100000),
      '【更多素材'.repeat(30000),
    ];
    for (const text of cases) {
      const t0 = performance.now();
      const r = parsePlan(text);
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.error).toBeUndefined();
    }
  }, 60_000);
});
