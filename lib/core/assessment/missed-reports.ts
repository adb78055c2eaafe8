import { CADENCES, type ReportCadence } from '@/lib/core/schedule/cadence';
import type { DayNumber } from '@/lib/core/schedule/calendar-day';

/**
 * Report periods a task owed and never reported, for the 未按期报送 deduction: every calendar period
 * of its cadence that starts on or after the start day and ended before `untilDay` (the assessment
 * date, or the day reporting stopped because closure was asked), with no report filed for its key.
 * Milestone tasks owe nothing by date.
 */
export function missedReportPeriods(input: {
  cadence: ReportCadence;
  startDay: DayNumber;
  untilDay: DayNumber;
  reportedKeys: ReadonlySet<string>;
}): string[] {
  const periods = CADENCES[input.cadence].periods;
  if (!periods) return [];
  const missed: string[] = [];
  let day = input.startDay;
  while (day < input.untilDay) {
    const key = periods.keyOf(day);
    const period = periods.read(key)!;
    if (period.firstDay >= input.startDay && period.lastDay < input.untilDay && !input.reportedKeys.has(key)) missed.push(key);
    day = period.lastDay + 1;
  }
  return missed;
}
