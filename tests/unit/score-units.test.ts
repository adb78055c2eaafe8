import { describe, expect, it } from 'vitest';
import { formatRate, onTimeRate, onTrackShare, rankUnits, SCORE_FORMULA_TEXT, scoreUnit, type UnitTaskStats } from '@/lib/core/ranking/score-units';

const unit = (unitId: string, figures: Partial<UnitTaskStats>, sortOrder = 0): UnitTaskStats => ({
  unitId,
  unitName: unitId,
  sortOrder,
  total: 0,
  red: 0,
  yellow: 0,
  green: 0,
  done: 0,
  closed: 0,
  closedOnTime: 0,
  overdue: 0,
  ...figures,
});

describe('onTimeRate', () => {
  it('counts open overdue tasks as due but not on time', () => {
    expect(onTimeRate({ closed: 1, closedOnTime: 1, overdue: 9 })).toBe(0.1);
    expect(onTimeRate({ closed: 4, closedOnTime: 3, overdue: 0 })).toBe(0.75);
    expect(onTimeRate({ closed: 3, closedOnTime: 2, overdue: 0 })).toBe(0.6667);
  });
  it('is null when nothing is due yet', () => {
    expect(onTimeRate({ closed: 0, closedOnTime: 0, overdue: 0 })).toBeNull();
  });
});

describe('scoreUnit', () => {
  it('is 60 × on-time + 40 × on-track − 2 per overdue task', () => {
    // on-time 3/4, on-track (2 green + 4 done)/10, 1 overdue: 45 + 24 − 2 = 67
    expect(scoreUnit(unit('a', { total: 10, green: 2, done: 4, closed: 3, closedOnTime: 3, overdue: 1 }))).toBe(67);
  });
  it('gives full marks to a unit with nothing due and everything green', () => {
    expect(scoreUnit(unit('a', { total: 5, green: 5 }))).toBe(100);
  });
  it('caps the overdue penalty at 20 and never goes below 0', () => {
    expect(scoreUnit(unit('a', { total: 50, red: 50, overdue: 50 }))).toBe(0);
    // on-time 0/30, on-track 20/50 = 0.4 → 16, penalty capped at 20 → 0 (not −4)
    expect(scoreUnit(unit('a', { total: 50, green: 20, red: 30, overdue: 30 }))).toBe(0);
    // on-time 10/20 → 30, on-track 10/20 → 20, 10 overdue → −20: 30
    expect(scoreUnit(unit('a', { total: 20, done: 10, red: 10, closed: 10, closedOnTime: 10, overdue: 10 }))).toBe(30);
  });
  it('rounds to one decimal', () => {
    // on-time 2/3 = 0.6667 → 40.002, on-track 2/3 → 26.668, 1 overdue → −2: 64.67 ⇒ 64.7
    expect(scoreUnit(unit('a', { total: 3, done: 2, red: 1, closed: 2, closedOnTime: 2, overdue: 1 }))).toBe(64.7);
  });
});

describe('SCORE_FORMULA_TEXT', () => {
  it('states the weights the score uses', () => {
    expect(SCORE_FORMULA_TEXT).toBe('得分 = 60 × 按时完成率 + 40 × 正常推进率 − 每项逾期扣2分（最多扣20分）');
  });
});

describe('rankUnits', () => {
  it('orders by score, shares ranks on ties and breaks ties by overdue, size, then directory order', () => {
    const ranked = rankUnits([
      unit('low', { total: 4, red: 4, overdue: 4 }, 1),
      unit('tieSmall', { total: 2, green: 2 }, 0),
      unit('empty', { total: 0 }, 2),
      unit('tieBig', { total: 6, green: 6 }, 3),
      unit('mid', { total: 4, green: 2, red: 2, overdue: 1 }, 4),
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank, r.score])).toEqual([
      ['tieBig', 1, 100],
      ['tieSmall', 1, 100],
      ['mid', 3, 18],
      ['low', 4, 0],
    ]);
    expect(ranked.find((r) => r.unitId === 'mid')).toMatchObject({ onTimeRate: 0, onTrackShare: 0.5 });
  });
});

describe('formatRate / onTrackShare', () => {
  it('formats rates as percentages with one decimal', () => {
    expect(formatRate(0.8571)).toBe('85.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
  it('counts green and closed as on track', () => {
    expect(onTrackShare({ total: 8, green: 3, done: 3 })).toBe(0.75);
    expect(onTrackShare({ total: 0, green: 0, done: 0 })).toBe(0);
  });
});
