/**
 * An assessment's results: each unit's computed score, the office's adjustments (with reasons), the
 * final score and rank; and what the county key signs when the result is published.
 */
import { rankEntries, type ScoreLine } from '@/lib/core/assessment/score';

export interface LetterRef {
  versionId: string;
  version: number;
  contentHash: string;
}

export interface TaskApart {
  taskId: string;
  title: string;
  /** added: the unit's task now but not in its signed letter; removed: in the letter, no longer the unit's (or cancelled). */
  reason: 'added' | 'removed';
}

export const TASK_APART_LABELS: Record<TaskApart['reason'], string> = { added: '签署后新增，未计分', removed: '签署后撤销或移出，未计分' };

export interface UnitResult {
  unitId: string;
  unitName: string;
  sortOrder: number;
  /** The signed letter in force on the assessment date; null: no signed letter, not scored. */
  letter: LetterRef | null;
  /** Computed score; null without a signed letter. */
  score: number | null;
  lines: ScoreLine[];
  overdue: number;
  taskCount: number;
  apart: TaskApart[];
}

export interface Adjustment {
  unitId: string;
  /** Signed, one decimal. */
  points: number;
  reason: string;
  byName: string;
  /** ISO-8601 */
  at: string;
}

export interface FinalRow extends UnitResult {
  adjustment: Adjustment | null;
  /** score + adjustment, never below 0; null without a letter. */
  finalScore: number | null;
  /** null without a letter. */
  rank: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Ranked units first (by final score), then the units without a signed letter in directory order. */
export function finalResults(results: readonly UnitResult[], adjustments: readonly Adjustment[]): FinalRow[] {
  const byUnit = new Map(adjustments.map((adjustment) => [adjustment.unitId, adjustment]));
  const scored = results
    .filter((result) => result.score !== null)
    .map((result) => {
      const adjustment = byUnit.get(result.unitId) ?? null;
      return { ...result, adjustment, finalScore: Math.max(0, round1(result.score! + (adjustment?.points ?? 0))) };
    });
  const ranked = rankEntries(scored.map((row) => ({ ...row, score: row.finalScore, originalScore: row.score }))).map(
    ({ originalScore, ...row }) => ({ ...row, score: originalScore, finalScore: row.score }) as FinalRow,
  );
  const unscored = results
    .filter((result) => result.score === null)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((result) => ({ ...result, adjustment: byUnit.get(result.unitId) ?? null, finalScore: null, rank: null }));
  return [...ranked, ...unscored];
}

export interface PublishedAssessment {
  assessmentId: string;
  year: number;
  /** YYYY-MM-DD */
  asOf: string;
  scheme: unknown;
  results: readonly UnitResult[];
  adjustments: readonly Adjustment[];
  approvedBy: string;
  publishedBy: string;
  /** ISO-8601 */
  publishedAt: string;
}

/** The object whose canonical form is hashed when a result is published. */
export function publishedContent(p: PublishedAssessment) {
  return { type: 'assessment.result', ...p };
}

/** What the county key signs: the published result's hash. */
export function assessmentSealPayload(s: { assessmentId: string; year: number; contentHash: string }) {
  return { type: 'assessment.seal', assessmentId: s.assessmentId, year: s.year, contentHash: s.contentHash };
}
