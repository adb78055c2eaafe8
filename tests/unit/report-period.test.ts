import { describe, expect, it } from 'vitest';
import { reportPeriodChoices, resolveReportPeriod } from '@/lib/core/schedule/report-period';
import { taskSchedule } from '@/lib/core/schedule/task-schedule';
import { missedReportPeriod } from '@/lib/core/schedule/cadence';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 2024-03-13 is a Wednesday in ISO week 11.
const today = day('2024-03-13');
const start = day('2024-01-15');

describe('resolveReportPeriod', () => {
  it('defaults to the current period of the cadence', () => {
    expect(resolveReportPeriod({ cadence: 'WEEKLY', start, today })).toEqual({ ok: true, periodKey: '2024-W11' });
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '  ' })).toEqual({ ok: true, periodKey: '2024-03' });
    expect(resolveReportPeriod({ cadence: 'MILESTONE', start, today })).toEqual({ ok: true, periodKey: 'milestone' });
  });

  it('accepts an earlier period since the start (补报)', () => {
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '2024-02' })).toEqual({ ok: true, periodKey: '2024-02' });
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '2024-01' })).toEqual({ ok: true, periodKey: '2024-01' });
    expect(resolveReportPeriod({ cadence: 'WEEKLY', start, today, requested: '2024-W03' })).toEqual({ ok: true, periodKey: '2024-W03' });
  });

  it('refuses future periods, periods before the start, and keys of another cadence', () => {
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '2024-04' })).toEqual({ ok: false, message: '不能报送未来期次' });
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '2023-12' })).toEqual({ ok: false, message: '报送期次早于任务开始日期' });
    expect(resolveReportPeriod({ cadence: 'WEEKLY', start, today, requested: '2024-W02' })).toEqual({ ok: false, message: '报送期次早于任务开始日期' });
    expect(resolveReportPeriod({ cadence: 'WEEKLY', start, today, requested: '2024-03' })).toEqual({ ok: false, message: '报送期次无效' });
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '2024-13' })).toEqual({ ok: false, message: '报送期次无效' });
    expect(resolveReportPeriod({ cadence: 'MONTHLY', start, today, requested: '../x' })).toEqual({ ok: false, message: '报送期次无效' });
  });

  it('takes a named milestone, within 40 characters', () => {
    expect(resolveReportPeriod({ cadence: 'MILESTONE', start, today, requested: ' 主体完工 ' })).toEqual({ ok: true, periodKey: '主体完工' });
    expect(resolveReportPeriod({ cadence: 'MILESTONE', start, today, requested: '节'.repeat(41) })).toEqual({
      ok: false,
      message: '节点名称不超过 40 个字',
    });
  });
});

describe('reportPeriodChoices', () => {
  it('offers the current and the previous period', () => {
    expect(reportPeriodChoices('MONTHLY', start, today)).toEqual(['2024-03', '2024-02']);
    expect(reportPeriodChoices('WEEKLY', start, today)).toEqual(['2024-W11', '2024-W10']);
  });

  it('offers only the current period in the task’s first period, and none for milestones', () => {
    expect(reportPeriodChoices('MONTHLY', day('2024-03-01'), today)).toEqual(['2024-03']);
    expect(reportPeriodChoices('MILESTONE', start, today)).toEqual([]);
  });
});

describe('taskSchedule', () => {
  const base = {
    status: 'IN_PROGRESS' as const,
    startDate: day('2024-01-01'),
    deadline: day('2024-12-31'),
    cadence: 'MONTHLY' as const,
    today: day('2024-07-01'),
  };
  // Shanghai midnight of 1 June 2024 is 16:00 UTC on 31 May.
  const june1Shanghai = new Date('2024-05-31T16:00:00Z');

  it('is green when on schedule and the lead unit reported since last month began', () => {
    const schedule = taskSchedule({ ...base, actual: 50, lastReportAt: june1Shanghai });
    expect(schedule).toMatchObject({ light: 'green', expected: 50, actual: 50, reportMissed: false, missedPeriodKey: null, overdue: false });
  });

  it('shows a missed report as such, by Shanghai calendar day', () => {
    const schedule = taskSchedule({ ...base, actual: 50, lastReportAt: new Date(june1Shanghai.getTime() - 1) });
    expect(schedule).toMatchObject({ light: 'yellow', reasons: ['reportMissed'], reportMissed: true, missedPeriodKey: '2024-06' });
    expect(taskSchedule({ ...base, actual: 50, lastReportAt: null }).missedPeriodKey).toBe('2024-06');
  });

  it('owes nothing for a period before the start, for milestones, or once closure is requested', () => {
    expect(missedReportPeriod({ ...base, startDate: day('2024-06-02'), lastReportAt: null })).toBeNull();
    expect(missedReportPeriod({ ...base, startDate: day('2024-06-01'), lastReportAt: null })).toBe('2024-06');
    expect(missedReportPeriod({ ...base, cadence: 'MILESTONE', lastReportAt: null })).toBeNull();
    expect(missedReportPeriod({ ...base, status: 'CLOSURE_REQUESTED', lastReportAt: null })).toBeNull();
    expect(missedReportPeriod({ ...base, cadence: 'WEEKLY', lastReportAt: day('2024-06-23') })).toBe('2024-W26');
    expect(missedReportPeriod({ ...base, cadence: 'WEEKLY', lastReportAt: day('2024-06-24') })).toBeNull();
  });

  it('is red when overdue, derived from the deadline', () => {
    const schedule = taskSchedule({ ...base, deadline: day('2024-06-30'), actual: 90, lastReportAt: june1Shanghai });
    expect(schedule).toMatchObject({ light: 'red', overdue: true, daysLeft: -1 });
    expect(schedule.reasons).toContain('overdue');
  });

  it('is done once closed, even past the deadline', () => {
    const schedule = taskSchedule({ ...base, status: 'CLOSED', deadline: day('2024-06-30'), actual: 100, lastReportAt: null });
    expect(schedule).toMatchObject({ light: 'done', overdue: false, reportMissed: false });
  });
});
