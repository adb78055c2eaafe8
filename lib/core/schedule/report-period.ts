/**
 * Which period a progress report is filed for, and the choices a report form offers.
 *
 * Weekly and monthly tasks report for a calendar period: the current one by default, or an
 * earlier one since the task started (补报, a late report). Never a future period. Milestone
 * tasks report for a node the unit names; unnamed nodes use the generic milestone key.
 */

import { shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import {
  MILESTONE_PERIOD_KEY,
  currentPeriod,
  isCalendarCadence,
  parsePeriodKey,
  periodDays,
  periodKey,
  previousPeriod,
  type ReportCadence,
} from '@/lib/core/schedule/cadence';

export const MAX_MILESTONE_LABEL_LENGTH = 40;

export interface ReportPeriodInput {
  cadence: ReportCadence;
  /** What the unit chose; blank or absent means the current period. */
  requested?: string | null;
  /** Task start (交办) date. */
  start: Date;
  today: Date;
}

export type ReportPeriodResult = { ok: true; periodKey: string } | { ok: false; message: string };

export function resolveReportPeriod(input: ReportPeriodInput): ReportPeriodResult {
  const requested = input.requested?.trim() ?? '';
  if (!isCalendarCadence(input.cadence)) {
    if ([...requested].length > MAX_MILESTONE_LABEL_LENGTH) return { ok: false, message: `节点名称不超过 ${MAX_MILESTONE_LABEL_LENGTH} 个字` };
    return { ok: true, periodKey: requested || MILESTONE_PERIOD_KEY };
  }
  if (!requested) return { ok: true, periodKey: currentPeriod(input.cadence, input.today) };

  const parsed = parsePeriodKey(requested);
  const days = periodDays(requested);
  if (!parsed || parsed.cadence !== input.cadence || !days) return { ok: false, message: '报送期次无效' };
  if (days.firstDay > shanghaiDayNumber(input.today)) return { ok: false, message: '不能报送未来期次' };
  // The period containing the start day is the first one a report can be for.
  const firstPeriod = periodDays(periodKey(input.cadence, input.start));
  if (firstPeriod && days.lastDay < firstPeriod.firstDay) return { ok: false, message: '报送期次早于任务开始日期' };
  return { ok: true, periodKey: requested };
}

/** The periods a report form offers: the current one and, once the task has one, the previous one (补报). */
export function reportPeriodChoices(cadence: ReportCadence, start: Date, today: Date): string[] {
  if (!isCalendarCadence(cadence)) return [];
  const current = currentPeriod(cadence, today);
  const previous = previousPeriod(cadence, today);
  const choices = [current];
  if (previous && resolveReportPeriod({ cadence, requested: previous, start, today }).ok) choices.push(previous);
  return choices;
}
