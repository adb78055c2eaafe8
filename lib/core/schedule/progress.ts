/**
 * 序时进度 (expected progress by elapsed time), actual progress, and 三色督办 lights.
 *
 * Days are whole Asia/Shanghai calendar days (see calendar-day.ts): a task's schedule is
 * the inclusive day range [start day, deadline day], and "expected" means the share that
 * should be finished by the end of today. So the start day already expects 1/N, and on
 * the deadline day expected is 100.
 */

import { shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { isUpperLimit, type TargetComparator } from '@/lib/core/targets/comparator';
import { isOpenStatus, type TaskStatus } from '@/lib/core/workflow/task-status';

export interface ScheduleSettings {
  /** Lag (expected − actual, percentage points) at or above which a task is red. */
  redLagPoints: number;
  /** Lag at or above which a task is yellow. */
  yellowLagPoints: number;
  /** A task due within this many days (deadline day included) is yellow. */
  dueSoonDays: number;
}

export const SCHEDULE_SETTINGS: Readonly<ScheduleSettings> = Object.freeze({
  redLagPoints: 30,
  yellowLagPoints: 10,
  dueSoonDays: 7,
});

/** 'cancelled': a 撤销 task has no colour; it is kept for history and counted nowhere. */
export type TrafficLight = 'red' | 'yellow' | 'green' | 'done' | 'cancelled';

export const LIGHT_LABELS: Record<TrafficLight, string> = {
  red: '红',
  yellow: '黄',
  green: '绿',
  done: '已完成',
  cancelled: '已撤销',
};

/** Rounds to 2 decimals so float noise cannot tip a threshold comparison. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** Expected progress (0–100) by the end of `today`; see the module comment for day counting. */
export function expectedProgress(start: Date, deadline: Date, today: Date): number {
  const deadlineDay = shanghaiDayNumber(deadline);
  // A start after the deadline is bad data; let the deadline win rather than divide by ≤ 0.
  const startDay = Math.min(shanghaiDayNumber(start), deadlineDay);
  const todayDay = shanghaiDayNumber(today);

  const totalDays = deadlineDay - startDay + 1;
  const elapsedDays = todayDay - startDay + 1;
  if (elapsedDays <= 0) return 0;
  if (elapsedDays >= totalDays) return 100;
  return round2((elapsedDays * 100) / totalDays);
}

export interface ProgressTarget {
  /** null: qualitative target (定性指标), not scored numerically. */
  comparator: TargetComparator | null;
  value: number | null;
  /** Upper bound of a 'range' target; progress uses `value` as the threshold. */
  valueMax: number | null;
  /** Latest reported actual value, null when not reported yet. */
  actual: number | null;
  /** Target whose figure is still to be set (待定); not scored. */
  placeholder: boolean;
}

export interface ActualProgressInput {
  targets: readonly ProgressTarget[];
  /** Lead unit's own estimate (0–100), used when no target can be scored. */
  reportedPercent: number | null;
}

function isFiniteNumber(value: number | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whether a target can be scored from figures: quantified, not a placeholder. */
export function isMeasurableTarget(target: ProgressTarget): boolean {
  return !target.placeholder && target.comparator !== null && isFiniteNumber(target.value);
}

/** Completion (0–100) of one measurable target; an unreported actual scores 0. */
export function targetCompletion(target: ProgressTarget): number {
  const { comparator, value, actual } = target;
  if (comparator === null || !isFiniteNumber(value) || !isFiniteNumber(actual)) return 0;

  if (isUpperLimit(comparator)) {
    // 控制在…以内: fully met inside the limit; beyond it, the further over the lower the score.
    // (At exactly the limit the ratio is 100 either way, so '<' and '<=' score alike.)
    if (actual <= value) return 100;
    return actual > 0 ? round2(clampPercent((value * 100) / actual)) : 0;
  }

  // '>=', '>', '=', and 'range' (value is the threshold to reach).
  if (value <= 0) return actual >= value ? 100 : 0;
  return round2(clampPercent((actual * 100) / value));
}

/**
 * Actual progress (0–100): the mean completion over measurable targets once any of them has
 * a reported actual (unreported ones count as 0, so reporting one figure cannot overstate
 * the whole task); otherwise the unit's reported percentage; otherwise 0.
 */
export function actualProgress(input: ActualProgressInput): number {
  const measurable = input.targets.filter(isMeasurableTarget);
  if (measurable.length > 0 && measurable.some((t) => isFiniteNumber(t.actual))) {
    const sum = measurable.reduce((acc, t) => acc + targetCompletion(t), 0);
    return round2(sum / measurable.length);
  }
  if (isFiniteNumber(input.reportedPercent)) return round2(clampPercent(input.reportedPercent));
  return 0;
}

/** Past the deadline day (Shanghai calendar) and still open (neither closed nor cancelled). */
export function isOverdue(deadline: Date, today: Date, status: TaskStatus): boolean {
  return isOpenStatus(status) && shanghaiDayNumber(today) > shanghaiDayNumber(deadline);
}

/** Whole calendar days from today to the deadline day: 0 on the deadline, negative after. */
export function daysUntilDeadline(deadline: Date, today: Date): number {
  return shanghaiDayNumber(deadline) - shanghaiDayNumber(today);
}

export interface TrafficLightInput {
  status: TaskStatus;
  deadline: Date;
  today: Date;
  /** From `expectedProgress`. */
  expected: number;
  /** From `actualProgress`. */
  actual: number;
  /** The last full report period has no report (see cadence.ts). */
  reportMissed: boolean;
}

export type LightReason = 'closed' | 'cancelled' | 'overdue' | 'severeLag' | 'dueSoon' | 'lag' | 'reportMissed';

export const LIGHT_REASON_LABELS: Record<LightReason, string> = {
  closed: '已销号',
  cancelled: '已撤销',
  overdue: '已逾期',
  severeLag: '严重滞后序时进度',
  dueSoon: '临近完成时限',
  lag: '滞后序时进度',
  reportMissed: '未按期报送进度',
};

export interface ScheduleAssessment {
  light: TrafficLight;
  /** Every reason that applies at the winning colour, for tooltips. */
  reasons: LightReason[];
  /** expected − actual in percentage points (negative when ahead). */
  lagPoints: number;
  daysLeft: number;
}

/** The light plus why; `trafficLight` is the colour alone. */
export function assessSchedule(input: TrafficLightInput, settings: ScheduleSettings = SCHEDULE_SETTINGS): ScheduleAssessment {
  const lagPoints = round2(input.expected - input.actual);
  const daysLeft = daysUntilDeadline(input.deadline, input.today);

  if (input.status === 'CLOSED') return { light: 'done', reasons: ['closed'], lagPoints, daysLeft };
  if (input.status === 'CANCELLED') return { light: 'cancelled', reasons: ['cancelled'], lagPoints, daysLeft };

  const red: LightReason[] = [];
  if (isOverdue(input.deadline, input.today, input.status)) red.push('overdue');
  if (lagPoints >= settings.redLagPoints) red.push('severeLag');
  if (red.length > 0) return { light: 'red', reasons: red, lagPoints, daysLeft };

  const yellow: LightReason[] = [];
  if (daysLeft <= settings.dueSoonDays) yellow.push('dueSoon');
  if (lagPoints >= settings.yellowLagPoints) yellow.push('lag');
  if (input.reportMissed) yellow.push('reportMissed');
  if (yellow.length > 0) return { light: 'yellow', reasons: yellow, lagPoints, daysLeft };

  return { light: 'green', reasons: [], lagPoints, daysLeft };
}

export function trafficLight(input: TrafficLightInput, settings: ScheduleSettings = SCHEDULE_SETTINGS): TrafficLight {
  return assessSchedule(input, settings).light;
}
