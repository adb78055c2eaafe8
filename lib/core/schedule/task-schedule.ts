/**
 * One task's schedule as its page shows it: 序时进度, actual progress, whether the last report
 * is missing, and the 三色 light that follows from them. Overdue is derived here, never stored.
 */

import { shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { periodDays, previousPeriod, type ReportCadence } from '@/lib/core/schedule/cadence';
import { assessSchedule, expectedProgress, isOverdue, type ScheduleAssessment } from '@/lib/core/schedule/progress';
import type { TaskStatus } from '@/lib/core/workflow/task-status';

const REPORTING_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'];

export interface LastReportInput {
  status: TaskStatus;
  cadence: ReportCadence;
  startDate: Date;
  /** When the lead unit last reported (Task.lastReportAt). */
  lastReportAt: Date | null;
  today: Date;
}

/**
 * The period whose report is missing, or null. Same rule as the task list's SQL light
 * (lib/server/tasks/light-sql.ts), so a task shows the same colour in the list and on its page:
 * the previous full week/month, if it lies wholly on or after the start day, had no lead-unit
 * report filed on or after its first day. Milestone cadence never misses by the calendar.
 */
export function missedReportPeriod(input: LastReportInput): string | null {
  if (input.cadence === 'MILESTONE' || !REPORTING_STATUSES.includes(input.status)) return null;
  const previous = previousPeriod(input.cadence, input.today);
  const days = previous === null ? null : periodDays(previous);
  if (previous === null || days === null || days.firstDay < shanghaiDayNumber(input.startDate)) return null;
  if (input.lastReportAt !== null && shanghaiDayNumber(input.lastReportAt) >= days.firstDay) return null;
  return previous;
}

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
