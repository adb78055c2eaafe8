import { describe, expect, it } from 'vitest';
import {
  CURRENT_RANKING_SCHEME,
  LETTER_TARGETS_SCHEME,
  describeScheme,
  parseSchemeFile,
  schemeFileText,
  type AssessmentScheme,
} from '@/lib/core/assessment/scheme';
import { targetAchievement, type AssessedTarget } from '@/lib/core/assessment/target-achievement';
import { rankEntries, scoreUnitTasks, type AssessedTask } from '@/lib/core/assessment/score';
import { finalResults, type UnitResult } from '@/lib/core/assessment/result';
import { missedReportPeriods } from '@/lib/core/assessment/missed-reports';
import { scoreBands } from '@/lib/core/assessment/score-bands';
import { scoreFromFigures, scoresFromFigures } from '@/lib/core/assessment/stats-score';
import { SCHEME_FIELD_GROUPS, schemeFieldValue, schemeFromFields } from '@/lib/core/assessment/scheme-form';
import { dayNumberFromIsoDate } from '@/lib/core/schedule/calendar-day';
import { rankUnits, scoreUnit } from '@/lib/core/ranking/score-units';

const rules = { partialCredit: 0.8, approxTolerance: 0.05, exceedMargin: 0.1 };
const target = (comparator: AssessedTarget['comparator'], value: number | null, actual: number | null, valueMax: number | null = null): AssessedTarget => ({
  text: 't',
  comparator,
  value,
  valueMax,
  unit: '个',
  actual,
});

describe('targetAchievement: each comparator', () => {
  it('≥: met at the value, partly met in proportion × partial credit, exceeded beyond the margin', () => {
    expect(targetAchievement(target('>=', 200, 200), rules)).toMatchObject({ achievement: 1, met: true, exceeded: false });
    // 150 / 200 = 0.75, × 0.8 = 0.6
    expect(targetAchievement(target('>=', 200, 150), rules)!.achievement).toBeCloseTo(0.6, 10);
    // exceeded: ≥ 200 × 1.1 = 220
    expect(targetAchievement(target('>=', 200, 220), rules)).toMatchObject({ achievement: 1, exceeded: true });
    expect(targetAchievement(target('>=', 200, 219), rules)!.exceeded).toBe(false);
  });
  it('>: the value itself is not met (0.8 × 1)', () => {
    expect(targetAchievement(target('>', 50, 50), rules)).toMatchObject({ met: false, achievement: 0.8 });
    expect(targetAchievement(target('>', 50, 51), rules)).toMatchObject({ met: true, achievement: 1 });
  });
  it('≤ and <: met under the limit; over it, limit ÷ actual × partial credit', () => {
    expect(targetAchievement(target('<=', 5, 5), rules)).toMatchObject({ met: true, achievement: 1 });
    // 5 / 8 = 0.625 × 0.8 = 0.5
    expect(targetAchievement(target('<=', 5, 8), rules)!.achievement).toBeCloseTo(0.5, 10);
    expect(targetAchievement(target('<', 5, 5), rules)).toMatchObject({ met: false, achievement: 0.8 });
    // exceeded a limit: at most 5 × 0.9 = 4.5
    expect(targetAchievement(target('<=', 5, 4.5), rules)!.exceeded).toBe(true);
    expect(targetAchievement(target('<=', 5, 4.6), rules)!.exceeded).toBe(false);
  });
  it('range: met inside; below and above in proportion', () => {
    expect(targetAchievement(target('range', 10, 12, 20), rules)).toMatchObject({ met: true, achievement: 1 });
    // below: 8 / 10 × 0.8 = 0.64; above: 20 / 25 × 0.8 = 0.64
    expect(targetAchievement(target('range', 10, 8, 20), rules)!.achievement).toBeCloseTo(0.64, 10);
    expect(targetAchievement(target('range', 10, 25, 20), rules)!.achievement).toBeCloseTo(0.64, 10);
    expect(targetAchievement(target('range', 10, 25, 20), rules)!.exceeded).toBe(false);
  });
  it('≈: met within the tolerance, otherwise by closeness', () => {
    expect(targetAchievement(target('≈', 100, 104), rules)!.met).toBe(true);
    expect(targetAchievement(target('≈', 100, 96), rules)!.met).toBe(true);
    // 90: 1 − 10/100 = 0.9 × 0.8 = 0.72
    expect(targetAchievement(target('≈', 100, 90), rules)!.achievement).toBeCloseTo(0.72, 10);
  });
  it('=: only exactly', () => {
    expect(targetAchievement(target('=', 3, 3), rules)!.met).toBe(true);
    expect(targetAchievement(target('=', 4, 3), rules)!.achievement).toBeCloseTo(0.6, 10); // (1 − 1/4) × 0.8
  });
  it('all or nothing when the partial credit is 0; unreported earns 0; qualitative is not scored', () => {
    expect(targetAchievement(target('>=', 200, 199), { ...rules, partialCredit: 0 })!.achievement).toBe(0);
    expect(targetAchievement(target('>=', 200, null), rules)).toMatchObject({ achievement: 0, met: false });
    expect(targetAchievement(target(null, null, 3), rules)).toBeNull();
  });
});

const AS_OF = '2026-12-31';
const asOfDay = dayNumberFromIsoDate(AS_OF);
const task = (taskId: string, facts: Partial<AssessedTask>): AssessedTask => ({
  taskId,
  title: taskId,
  role: 'lead',
  importance: 'NORMAL',
  deadline: '2026-10-31',
  closedOn: null,
  light: 'green',
  progress: 0,
  targets: [],
  urges: 0,
  supervisions: 0,
  returnedReports: 0,
  missedReports: 0,
  ...facts,
});

const scheme = (changes: Partial<AssessmentScheme>): AssessmentScheme => ({ ...LETTER_TARGETS_SCHEME, ...changes });
const onlyTasks = scheme({
  deductions: {
    overdue: { points: 0, cap: 0 },
    urge: { points: 0, cap: 0 },
    supervise: { points: 0, cap: 0 },
    returnedReport: { points: 0, cap: 0 },
    missedReport: { points: 0, cap: 0 },
  },
  bonuses: { closedEarly: { points: 0, cap: 0, days: 30 }, exceededTarget: { points: 0, cap: 0 } },
});

describe('scoreUnitTasks: task points', () => {
  it('shares the pool by lead and co weight, each task earning share × achievement', () => {
    const tasks = [
      task('A', { targets: [target('>=', 100, 100)] }), // lead, met: weight 1
      task('B', { role: 'co', targets: [target('>=', 100, 50)] }), // co, 0.5 × 0.8 = 0.4: weight 0.5
    ];
    // total weight 1.5: A 100 × 1/1.5 = 66.67 × 1; B 100 × 0.5/1.5 = 33.33 × 0.4 = 13.33; sum 80.0
    const result = scoreUnitTasks(tasks, onlyTasks, asOfDay);
    expect(result.lines.map((line) => line.points)).toEqual([66.67, 13.33]);
    expect(result.score).toBe(80);
  });
  it('per target: a task weighs its scorable targets; without targets, closed = 1, open = progress × partial credit', () => {
    const tasks = [
      task('A', { targets: [target('>=', 10, 10), target('<=', 4, 5), target(null, null, null)] }), // 2 scorable: (1 + 0.64) / 2 = 0.82
      task('B', { closedOn: '2026-09-01', light: 'done' }), // weight 1, achievement 1
      task('C', { progress: 50 }), // weight 1, 0.8 × 0.5 = 0.4
    ];
    // weights 2, 1, 1 of 4: A 50 × 0.82 = 41, B 25, C 25 × 0.4 = 10 → 76
    const result = scoreUnitTasks(tasks, onlyTasks, asOfDay);
    expect(result.lines.map((line) => line.points)).toEqual([41, 25, 10]);
    expect(result.score).toBe(76);
    const perTask = scoreUnitTasks(tasks, { ...onlyTasks, tasks: { ...onlyTasks.tasks, per: 'task' } }, asOfDay);
    // each 33.33: 27.33 + 33.33 + 13.33 = 74.0
    expect(perTask.score).toBe(74);
  });
  it('a co weight of 0 leaves co tasks out', () => {
    const tasks = [task('A', { closedOn: '2026-09-01' }), task('B', { role: 'co' })];
    const result = scoreUnitTasks(tasks, { ...onlyTasks, tasks: { ...onlyTasks.tasks, coWeight: 0 } }, asOfDay);
    expect(result.lines).toHaveLength(1);
    expect(result.score).toBe(100);
  });
});

describe('scoreUnitTasks: weighted by task importance (按任务重要程度加权)', () => {
  const perTask = { ...onlyTasks, tasks: { ...onlyTasks.tasks, per: 'task' as const } };
  const weighted = { ...perTask, importance: { enabled: true, weights: { NORMAL: 1, IMPORTANT: 1.5, KEY: 2 } } };
  const tasks = [
    task('A', { closedOn: '2026-09-01', light: 'done' }), // 一般, achievement 1
    task('B', { importance: 'IMPORTANT', closedOn: '2026-09-01', light: 'done' }), // 重要, achievement 1
    task('C', { importance: 'KEY', progress: 50 }), // 重点, open: 0.8 × 0.5 = 0.4
  ];

  it('off (the default): every level weighs the same', () => {
    expect(onlyTasks.importance.enabled).toBe(false);
    // each 100 / 3 = 33.33: 33.33 + 33.33 + 33.33 × 0.4 = 80.0
    const result = scoreUnitTasks(tasks, perTask, asOfDay);
    expect(result.lines.map((line) => line.points)).toEqual([33.33, 33.33, 13.33]);
    expect(result.score).toBe(80);
    expect(result.lines[0]!.evidence).not.toContain('一般');
  });
  it('on: 一般 1, 重要 1.5, 重点 2 of 4.5', () => {
    // A 100 × 1/4.5 = 22.22; B 100 × 1.5/4.5 = 33.33; C 100 × 2/4.5 = 44.44 × 0.4 = 17.78 → 73.33 → 73.3
    const result = scoreUnitTasks(tasks, weighted, asOfDay);
    expect(result.lines.map((line) => line.points)).toEqual([22.22, 33.33, 17.78]);
    expect(result.score).toBe(73.3);
    expect(result.lines.map((line) => line.evidence.split('，满分')[0])).toEqual(['牵头，一般任务（权重1）', '牵头，重要任务（权重1.5）', '牵头，重点任务（权重2）']);
  });
  it('on: multiplies the co weight and the number of targets', () => {
    const mixed = [
      // 重要, 2 scorable targets, both met: weight 2 × 1.5 = 3
      task('A', { importance: 'IMPORTANT', targets: [target('>=', 10, 10), target('<=', 4, 4)] }),
      // co 0.5 × 重点 2 = 1, open at 50%: 0.4
      task('B', { role: 'co', importance: 'KEY', progress: 50 }),
    ];
    // per target, of 4: A 75 × 1 = 75; B 25 × 0.4 = 10 → 85
    expect(scoreUnitTasks(mixed, { ...weighted, tasks: { ...weighted.tasks, per: 'target' } }, asOfDay).score).toBe(85);
    // unweighted, per target: weights 2 and 0.5 of 2.5 → 80 + 20 × 0.4 = 88
    expect(scoreUnitTasks(mixed, onlyTasks, asOfDay).score).toBe(88);
  });
  it('a level weighed 0 leaves its tasks out', () => {
    const result = scoreUnitTasks(tasks, { ...weighted, importance: { enabled: true, weights: { NORMAL: 0, IMPORTANT: 1, KEY: 1 } } }, asOfDay);
    // B and C 50 each: 50 + 50 × 0.4 = 70
    expect(result.lines.map((line) => line.taskId)).toEqual(['B', 'C']);
    expect(result.score).toBe(70);
  });
});

describe('scoreUnitTasks: deductions and bonuses with caps', () => {
  const base = scheme({ tasks: { ...onlyTasks.tasks, taskPoints: 0 } });
  it('deducts per count up to each cap, and explains which tasks', () => {
    const tasks = [
      task('A', { urges: 4, supervisions: 2, returnedReports: 1, missedReports: 20 }), // overdue (open after its deadline)
      task('B', { deadline: '2027-01-31', role: 'co', urges: 3 }), // co task: urges count, not overdue
    ];
    const result = scoreUnitTasks(tasks, base, asOfDay);
    const byRule = Object.fromEntries(result.lines.map((line) => [line.rule, line]));
    expect(byRule.overdue!.points).toBe(-2);
    expect(byRule.urge!.points).toBe(-3); // 7 × 0.5 = 3.5, cap 3
    expect(byRule.urge!.evidence).toContain('封顶3分');
    expect(byRule.urge!.evidence).toContain('A×4');
    expect(byRule.supervise!.points).toBe(-2);
    expect(byRule.returnedReport!.points).toBe(-0.5);
    expect(byRule.missedReport!.points).toBe(-3); // 20 × 0.2 = 4, cap 3
    expect(result.score).toBe(0); // never below 0
    expect(result.overdue).toBe(1);
  });
  it('adds bonuses for lead tasks closed early and targets exceeded, capped', () => {
    const tasks = [
      task('A', { closedOn: '2026-09-30', deadline: '2026-10-31', targets: [target('>=', 10, 12), target('>=', 10, 11)] }), // 31 days early; 2 exceeded
      task('B', { closedOn: '2026-10-02', deadline: '2026-10-31' }), // 29 days: not early enough
      task('C', { role: 'co', targets: [target('>=', 10, 20)] }), // co: no bonus
    ];
    const capped = { ...base, bonuses: { closedEarly: { points: 1, cap: 5, days: 30 }, exceededTarget: { points: 2, cap: 3 } } };
    const lines = Object.fromEntries(scoreUnitTasks(tasks, capped, asOfDay).lines.map((line) => [line.rule, line.points]));
    expect(lines.closedEarly).toBe(1);
    expect(lines.exceededTarget).toBe(3); // 2 × 2 = 4, cap 3
  });
});

describe('the current ranking formula is a scheme', () => {
  it('gives the same score as rankUnits on the same tasks', () => {
    // lead: 3 closed (2 on time), 1 open overdue, 2 green open, 1 yellow open; a co task is not counted
    const tasks = [
      task('c1', { closedOn: '2026-10-01', light: 'done' }),
      task('c2', { closedOn: '2026-10-31', light: 'done' }),
      task('c3', { closedOn: '2026-11-05', light: 'done' }),
      task('o1', { light: 'red' }),
      task('g1', { deadline: '2027-03-01' }),
      task('g2', { deadline: '2027-03-01' }),
      task('y1', { deadline: '2027-01-03', light: 'yellow' }),
      task('co', { role: 'co', light: 'red' }),
    ];
    const result = scoreUnitTasks(tasks, CURRENT_RANKING_SCHEME, asOfDay);
    // on time 2 ÷ (3 + 1) = 0.5 → 30; on track (2 + 3) ÷ 7 = 0.7143 → 28.572; − 2 → 56.572 → 56.6
    expect(result.score).toBe(56.6);
    const stats = { unitId: 'u', unitName: 'u', sortOrder: 0, total: 7, red: 1, yellow: 1, green: 2, done: 3, closed: 3, closedOnTime: 2, overdue: 1 };
    expect(scoreUnit(stats)).toBe(result.score);
    expect(rankUnits([stats])[0]!.score).toBe(56.6);
  });
  it('counts nothing due yet as 100% on time', () => {
    const result = scoreUnitTasks([task('g', { deadline: '2027-03-01' })], CURRENT_RANKING_SCHEME, asOfDay);
    expect(result.score).toBe(100);
    expect(result.lines[0]!.evidence).toContain('暂无到期任务');
  });
});

describe('ranking and adjustments', () => {
  const result = (unitId: string, score: number | null, sortOrder = 0): UnitResult => ({
    unitId,
    unitName: unitId,
    sortOrder,
    letter: score === null ? null : { versionId: 'v', version: 1, contentHash: 'h' },
    score,
    lines: [],
    overdue: 0,
    taskCount: 1,
    apart: [],
  });
  it('ranks by the adjusted score with shared ranks, units without a letter last and unranked', () => {
    const rows = finalResults(
      [result('a', 80), result('b', 90), result('c', 85), result('none', null)],
      [{ unitId: 'a', points: 5, reason: '重大专项加分', byName: '督查室', at: '2026-12-31T00:00:00.000Z' }],
    );
    expect(rows.map((row) => [row.unitId, row.finalScore, row.rank])).toEqual([
      ['b', 90, 1],
      ['a', 85, 2],
      ['c', 85, 2],
      ['none', null, null],
    ]);
    expect(rows[1]!.score).toBe(80);
  });
  it('never goes below 0 after a deduction', () => {
    const [row] = finalResults([result('a', 3)], [{ unitId: 'a', points: -5, reason: 'x', byName: 'y', at: '' }]);
    expect(row!.finalScore).toBe(0);
  });
  it('breaks ties by fewer overdue, then more tasks, then directory order', () => {
    const entries = [
      { unitId: 'x', sortOrder: 2, score: 50, overdue: 1, taskCount: 3 },
      { unitId: 'y', sortOrder: 1, score: 50, overdue: 0, taskCount: 3 },
      { unitId: 'z', sortOrder: 0, score: 50, overdue: 0, taskCount: 3 },
    ];
    expect(rankEntries(entries).map((entry) => `${entry.unitId}${entry.rank}`)).toEqual(['z1', 'y1', 'x1']);
  });
});

describe('missedReportPeriods', () => {
  it('lists whole months from the start that ended before the date without a report', () => {
    const missed = missedReportPeriods({
      cadence: 'MONTHLY',
      startDay: dayNumberFromIsoDate('2026-01-15'), // January is not owed (started mid-month)
      untilDay: dayNumberFromIsoDate('2026-05-10'), // May has not ended
      reportedKeys: new Set(['2026-02', '2026-04']),
    });
    expect(missed).toEqual(['2026-03']);
  });
  it('owes nothing for milestone tasks', () => {
    expect(missedReportPeriods({ cadence: 'MILESTONE', startDay: 0, untilDay: 1000, reportedKeys: new Set() })).toEqual([]);
  });
});

describe('scheme files', () => {
  it('round-trips a scheme and refuses a broken one with a reason', () => {
    const parsed = parseSchemeFile(schemeFileText(2026, LETTER_TARGETS_SCHEME));
    expect(parsed).toEqual({ ok: true, scheme: LETTER_TARGETS_SCHEME });
    expect(parseSchemeFile('{')).toEqual({ ok: false, message: '文件不是有效的 JSON' });
    const negative = JSON.parse(schemeFileText(2026, LETTER_TARGETS_SCHEME));
    negative.scheme.deductions.urge.points = -1;
    const refused = parseSchemeFile(JSON.stringify(negative));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('deductions.urge.points');
  });
  it('reads a file saved before importance weighting as unweighted; keeps the weights of one saved with it', () => {
    const older = JSON.parse(schemeFileText(2026, LETTER_TARGETS_SCHEME));
    delete older.scheme.importance;
    expect(parseSchemeFile(JSON.stringify(older))).toEqual({ ok: true, scheme: { ...LETTER_TARGETS_SCHEME, importance: { enabled: false, weights: { NORMAL: 1, IMPORTANT: 1.5, KEY: 2 } } } });
    const weighted = { ...LETTER_TARGETS_SCHEME, importance: { enabled: true, weights: { NORMAL: 1, IMPORTANT: 2, KEY: 3 } } };
    expect(JSON.parse(schemeFileText(2026, weighted)).scheme.importance).toEqual(weighted.importance);
    expect(parseSchemeFile(schemeFileText(2026, weighted))).toEqual({ ok: true, scheme: weighted });
    expect(describeScheme(weighted)).toContain('按重要程度加权：一般1、重要2、重点3');
    expect(describeScheme(LETTER_TARGETS_SCHEME)).not.toContain('重要程度');
  });
  it('describes the current ranking formula in words', () => {
    expect(describeScheme(CURRENT_RANKING_SCHEME)).toBe('得分 = 60 × 按时完成率 + 40 × 正常推进率 − 逾期未完成任务每次2分（最多20分）');
  });
});

describe('the scheme form', () => {
  it('covers every number of the scheme and rebuilds it from the fields', () => {
    const fields = new Map(SCHEME_FIELD_GROUPS.flatMap((group) => group.fields).map((field) => [field.path, schemeFieldValue(LETTER_TARGETS_SCHEME, field.path)]));
    fields.set('name', LETTER_TARGETS_SCHEME.name);
    expect(schemeFromFields((name) => fields.get(name) ?? null)).toEqual(LETTER_TARGETS_SCHEME);
  });
  it('carries the importance weighting (a choice read as a boolean, one weight per level)', () => {
    const weighted = { ...LETTER_TARGETS_SCHEME, importance: { enabled: true, weights: { NORMAL: 1, IMPORTANT: 1.5, KEY: 2.5 } } };
    const fields = new Map(SCHEME_FIELD_GROUPS.flatMap((group) => group.fields).map((field) => [field.path, schemeFieldValue(weighted, field.path)]));
    expect(fields.get('importance.enabled')).toBe('true');
    fields.set('name', weighted.name);
    expect(schemeFromFields((name) => fields.get(name) ?? null)).toEqual(weighted);
  });
  it('passes what is not a number on for the schema to refuse', () => {
    const rebuilt = schemeFromFields((name) => (name === 'rates.onTimeRate' ? 'abc' : name === 'name' ? 'x' : '1')) as { rates: { onTimeRate: unknown } };
    expect(rebuilt.rates.onTimeRate).toBe('abc');
  });
});

describe('scoreBands', () => {
  it('counts scores per 10-point band, each band including its lower bound', () => {
    expect(scoreBands([59.9, 60, 69.9, 85, 90, 100]).map((band) => band.count)).toEqual([1, 2, 0, 1, 2]);
  });
});

describe('ranking from figures under a scheme', () => {
  const stats = { unitId: 'u', unitName: 'u', sortOrder: 0, total: 7, red: 1, yellow: 1, green: 2, done: 3, closed: 3, closedOnTime: 2, overdue: 1 };
  it('is the ranking formula under the default scheme, and follows a changed weight', () => {
    expect(scoresFromFigures(CURRENT_RANKING_SCHEME)).toBe(true);
    expect(scoreFromFigures(stats, CURRENT_RANKING_SCHEME)).toBe(scoreUnit(stats));
    // 50 × 0.5 + 50 × 0.7143 − 5 × 1 = 25 + 35.715 − 5 = 55.7
    const weighted = { ...CURRENT_RANKING_SCHEME, rates: { onTimeRate: 50, onTrackShare: 50 }, deductions: { ...CURRENT_RANKING_SCHEME.deductions, overdue: { points: 5, cap: 20 } } };
    expect(scoreFromFigures(stats, weighted)).toBe(55.7);
    expect(rankUnits([stats], (unit) => scoreFromFigures(unit, weighted))[0]!.score).toBe(55.7);
  });
  it('needs each task’s facts once a scheme counts task points, 催办 or bonuses', () => {
    expect(scoresFromFigures(LETTER_TARGETS_SCHEME)).toBe(false);
  });
});
