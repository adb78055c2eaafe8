/**
 * One task's schedule as its page shows it: 序时进度, actual progress, whether the last report
 * is missing, and the 三色 light that follows from them. Overdue is derived here, never stored.
 */

import { missedReportPeriod, type LastReportInput } from '@/lib/core/schedule/cadence';
import { assessSchedule, expectedProgress, isOverdue, type ScheduleAssessment } from '@/lib/core/schedule/progress';

export interface TaskScheduleInput extends LastReportInput {
  deadline: Date;
  /** Stored actual progress (0–100), refreshed by every lead-unit report. */
  actual: number;
}

export interface TaskSchedule extends ScheduleAssessment {
  expected: number;
  actual: number;
  overdue: boolean;
  reportMissed: boolean;
  /** The period whose report is missing, when `reportMissed`. */
  missedPeriodKey: string | null;
}

export function taskSchedule(input: TaskScheduleInput): TaskSchedule {
  const expected = expectedProgress(input.startDate, input.deadline, input.today);
  const missedPeriodKey = missedReportPeriod(input);
  const assessment = assessSchedule({
    status: input.status,
    deadline: input.deadline,
    today: input.today,
    expected,
    actual: input.actual,
    reportMissed: missedPeriodKey !== null,
  });
  return {
    ...assessment,
    expected,
    actual: input.actual,
    overdue: isOverdue(input.deadline, input.today, input.status),
    reportMissed: missedPeriodKey !== null,
    missedPeriodKey,
  };
}
