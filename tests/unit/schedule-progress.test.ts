import { describe, expect, it } from 'vitest';
import {
  LIGHT_LABELS,
  SCHEDULE_SETTINGS,
  actualProgress,
  assessSchedule,
  daysUntilDeadline,
  expectedProgress,
  isOverdue,
  targetCompletion,
  trafficLight,
  type ProgressTarget,
  type TrafficLightInput,
} from '@/lib/core/schedule/progress';

/** Midnight at the start of a Shanghai calendar day. */
const day = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

describe('SCHEDULE_SETTINGS and labels', () => {
  it('has the agreed thresholds', () => {
    expect(SCHEDULE_SETTINGS).toEqual({ redLagPoints: 30, yellowLagPoints: 10, dueSoonDays: 7 });
    expect(Object.isFrozen(SCHEDULE_SETTINGS)).toBe(true);
  });

  it('labels lights in Chinese', () => {
    expect(LIGHT_LABELS).toEqual({ red: '红', yellow: '黄', green: '绿', done: '已完成', cancelled: '已撤销' });
  });
});

describe('expectedProgress', () => {
  const start = day('2024-03-01');
  const deadline = day('2024-03-10'); // 10 calendar days, both ends included

  it.each([
    ['2024-02-28', 0],
    ['2024-02-29', 0], // day before start
    ['2024-03-01', 10], // start day counts as the first day
    ['2024-03-03', 30],
    ['2024-03-09', 90],
    ['2024-03-10', 100], // deadline day
    ['2024-03-11', 100], // after the deadline, clamped
    ['2025-01-01', 100],
  ])('on %s is %d', (today, expected) => {
    expect(expectedProgress(start, deadline, day(today))).toBe(expected);
  });

  it('ignores the time of day, using the Shanghai calendar', () => {
    expect(expectedProgress(start, deadline, new Date('2024-03-03T23:59:59+08:00'))).toBe(30);
    expect(expectedProgress(start, deadline, new Date('2024-03-02T16:00:00Z'))).toBe(30); // 03-03 00:00 Shanghai
    expect(expectedProgress(start, deadline, new Date('2024-03-02T15:59:59Z'))).toBe(20); // still 03-02
    // Deadline stored as UTC midnight of the date (@db.Date) is the same day.
    expect(expectedProgress(start, new Date('2024-03-10T00:00:00Z'), day('2024-03-10'))).toBe(100);
    expect(expectedProgress(start, new Date('2024-03-10T00:00:00Z'), day('2024-03-09'))).toBe(90);
  });

  it('is exactly half way through a leap year on 1 July', () => {
    // 2024 has 366 days; 1 July is day 183.
    expect(expectedProgress(day('2024-01-01'), day('2024-12-31'), day('2024-07-01'))).toBe(50);
    expect(expectedProgress(day('2024-01-01'), day('2024-12-31'), day('2024-12-30'))).toBe(99.73);
  });

  it('rounds to two decimals', () => {
    expect(expectedProgress(day('2024-03-01'), day('2024-03-03'), day('2024-03-01'))).toBe(33.33);
    expect(expectedProgress(day('2024-03-01'), day('2024-03-03'), day('2024-03-02'))).toBe(66.67);
  });

  it('is 0 before a start that lies after today', () => {
    expect(expectedProgress(day('2024-05-01'), day('2024-06-30'), day('2024-04-30'))).toBe(0);
  });

  it('handles start == deadline (a one-day task)', () => {
    const d = day('2024-04-15');
    expect(expectedProgress(d, d, day('2024-04-14'))).toBe(0);
    expect(expectedProgress(d, d, day('2024-04-15'))).toBe(100);
    expect(expectedProgress(d, d, day('2024-04-16'))).toBe(100);
  });

  it('lets the deadline win when start is after the deadline (bad data)', () => {
    expect(expectedProgress(day('2024-03-10'), day('2024-03-05'), day('2024-03-04'))).toBe(0);
    expect(expectedProgress(day('2024-03-10'), day('2024-03-05'), day('2024-03-05'))).toBe(100);
  });
});

const target = (overrides: Partial<ProgressTarget>): ProgressTarget => ({
  comparator: '>=',
  value: 100,
  valueMax: null,
  actual: null,
  placeholder: false,
  ...overrides,
});

describe('targetCompletion', () => {
  it.each<[string, Partial<ProgressTarget>, number]>([
    ['>= half way', { comparator: '>=', value: 1200, actual: 600 }, 50],
    ['>= exceeded caps at 100', { comparator: '>=', value: 1200, actual: 1500 }, 100],
    ['> scored like >=', { comparator: '>', value: 80, actual: 20 }, 25],
    ['= scored toward the value', { comparator: '=', value: 4, actual: 3 }, 75],
    ['thirds round to 2 decimals', { comparator: '>=', value: 3, actual: 1 }, 33.33],
    ['decimal figures', { comparator: '>=', value: 0.3, actual: 0.1 }, 33.33],
    ['negative actual floors at 0', { comparator: '>=', value: 10, actual: -2 }, 0],
    ['unreported actual is 0', { comparator: '>=', value: 10, actual: null }, 0],
    ['>= 0 met', { comparator: '>=', value: 0, actual: 0 }, 100],
    ['<= within limit', { comparator: '<=', value: 5, actual: 4 }, 100],
    ['<= at the limit', { comparator: '<=', value: 5, actual: 5 }, 100],
    ['<= over the limit scores value/actual', { comparator: '<=', value: 5, actual: 10 }, 50],
    ['< over the limit', { comparator: '<', value: 5, actual: 6.25 }, 80],
    ['<= 0 (zero accidents) broken', { comparator: '<=', value: 0, actual: 2 }, 0],
    ['<= 0 (zero accidents) kept', { comparator: '<=', value: 0, actual: 0 }, 100],
    ['range below the threshold', { comparator: 'range', value: 3, valueMax: 5, actual: 1.5 }, 50],
    ['range inside', { comparator: 'range', value: 3, valueMax: 5, actual: 4 }, 100],
    ['range above the upper bound still uses value as threshold', { comparator: 'range', value: 3, valueMax: 5, actual: 6 }, 100],
  ])('%s', (_name, overrides, expected) => {
    expect(targetCompletion(target(overrides))).toBe(expected);
  });
});

describe('actualProgress', () => {
  it('averages measurable targets', () => {
    expect(
      actualProgress({
        targets: [target({ value: 1200, actual: 600 }), target({ comparator: '<=', value: 5, actual: 3 })],
        reportedPercent: 10,
      }),
    ).toBe(75);
  });

  it('skips placeholders and qualitative targets', () => {
    expect(
      actualProgress({
        targets: [
          target({ placeholder: true, value: 100, actual: 0 }),
          target({ comparator: null, value: null, actual: null }),
          target({ value: null, actual: 5 }), // no planned figure
          target({ value: 10, actual: 5 }),
        ],
        reportedPercent: null,
      }),
    ).toBe(50);
  });

  it('counts unreported targets as 0 once any target has an actual', () => {
    expect(
      actualProgress({
        targets: [target({ value: 10, actual: 10 }), target({ value: 10, actual: null })],
        reportedPercent: 90,
      }),
    ).toBe(50);
  });

  it('falls back to the reported percentage when no measurable target has an actual', () => {
    expect(actualProgress({ targets: [target({ value: 10, actual: null })], reportedPercent: 40 })).toBe(40);
    expect(actualProgress({ targets: [target({ placeholder: true, actual: 50 })], reportedPercent: 30 })).toBe(30);
    expect(actualProgress({ targets: [], reportedPercent: 12.5 })).toBe(12.5);
  });

  it('clamps the reported percentage', () => {
    expect(actualProgress({ targets: [], reportedPercent: 130 })).toBe(100);
    expect(actualProgress({ targets: [], reportedPercent: -5 })).toBe(0);
  });

  it('is 0 with nothing to go on', () => {
    expect(actualProgress({ targets: [], reportedPercent: null })).toBe(0);
    expect(actualProgress({ targets: [target({ actual: null })], reportedPercent: null })).toBe(0);
  });

  it('rounds the mean to two decimals', () => {
    expect(
      actualProgress({
        targets: [target({ value: 3, actual: 1 }), target({ value: 3, actual: 1 }), target({ value: 3, actual: 3 })],
        reportedPercent: null,
      }),
    ).toBe(55.55); // (33.33 + 33.33 + 100) / 3 = 55.553…
  });
});

describe('isOverdue / daysUntilDeadline', () => {
  const deadline = day('2024-06-30');

  it('is not overdue on the deadline day, at any time of it', () => {
    expect(isOverdue(deadline, day('2024-06-30'), 'IN_PROGRESS')).toBe(false);
    expect(isOverdue(deadline, new Date('2024-06-30T23:59:59+08:00'), 'IN_PROGRESS')).toBe(false);
  });

  it('is overdue from the next Shanghai day', () => {
    expect(isOverdue(deadline, new Date('2024-06-30T16:00:00Z'), 'IN_PROGRESS')).toBe(true);
    expect(isOverdue(deadline, day('2024-07-01'), 'ASSIGNED')).toBe(true);
    expect(isOverdue(deadline, day('2024-07-01'), 'CLOSURE_REQUESTED')).toBe(true);
  });

  it('is never overdue once closed', () => {
    expect(isOverdue(deadline, day('2025-01-01'), 'CLOSED')).toBe(false);
  });

  it('counts days left in calendar days', () => {
    expect(daysUntilDeadline(deadline, day('2024-06-23'))).toBe(7);
    expect(daysUntilDeadline(deadline, new Date('2024-06-29T23:59:00+08:00'))).toBe(1);
    expect(daysUntilDeadline(deadline, day('2024-06-30'))).toBe(0);
    expect(daysUntilDeadline(deadline, day('2024-07-02'))).toBe(-2);
  });
});

describe('trafficLight', () => {
  const base: TrafficLightInput = {
    status: 'IN_PROGRESS',
    deadline: day('2024-06-30'),
    today: day('2024-03-01'),
    expected: 40,
    actual: 40,
    reportMissed: false,
  };
  const light = (overrides: Partial<TrafficLightInput>) => trafficLight({ ...base, ...overrides });

  it('is green when on schedule and far from the deadline', () => {
    expect(light({})).toBe('green');
    expect(light({ actual: 90 })).toBe('green'); // ahead of schedule
  });

  it('is done when closed, whatever else holds', () => {
    expect(light({ status: 'CLOSED', today: day('2024-08-01'), expected: 100, actual: 0, reportMissed: true })).toBe('done');
  });

  it('has no colour once cancelled, whatever else holds, and is never overdue', () => {
    expect(light({ status: 'CANCELLED', today: day('2024-08-01'), expected: 100, actual: 0, reportMissed: true })).toBe('cancelled');
    expect(isOverdue(day('2024-07-01'), day('2024-08-01'), 'CANCELLED')).toBe(false);
  });

  it('turns yellow exactly 7 days before the deadline, not 8', () => {
    expect(light({ today: day('2024-06-22') })).toBe('green');
    expect(light({ today: day('2024-06-23') })).toBe('yellow');
    expect(light({ today: day('2024-06-29') })).toBe('yellow');
  });

  it('is yellow (not red) on the deadline day and red the day after', () => {
    expect(light({ today: day('2024-06-30'), expected: 100, actual: 95 })).toBe('yellow');
    expect(light({ today: new Date('2024-06-30T23:59:59+08:00'), expected: 100, actual: 95 })).toBe('yellow');
    expect(light({ today: day('2024-07-01'), expected: 100, actual: 95 })).toBe('red');
    expect(light({ today: day('2024-07-01'), expected: 100, actual: 100 })).toBe('red'); // done but not closed
  });

  it('is red when overdue while awaiting closure approval', () => {
    expect(light({ status: 'CLOSURE_REQUESTED', today: day('2024-07-01'), expected: 100, actual: 100 })).toBe('red');
  });

  it('applies the lag thresholds inclusively', () => {
    expect(light({ expected: 50, actual: 40.01 })).toBe('green'); // 9.99
    expect(light({ expected: 50, actual: 40 })).toBe('yellow'); // 10
    expect(light({ expected: 50, actual: 20.01 })).toBe('yellow'); // 29.99
    expect(light({ expected: 50, actual: 20 })).toBe('red'); // 30
  });

  it('is not tipped by floating-point noise at a threshold', () => {
    // 16.08 − 6.08 === 9.999999999999998 and 32.05 − 2.05 === 29.999999999999996 in IEEE doubles.
    expect(light({ expected: 16.08, actual: 6.08 })).toBe('yellow');
    expect(light({ expected: 32.05, actual: 2.05 })).toBe('red');
  });

  it('is yellow when a report is missed', () => {
    expect(light({ reportMissed: true })).toBe('yellow');
  });

  it('accepts custom settings', () => {
    const strict = { redLagPoints: 20, yellowLagPoints: 5, dueSoonDays: 14 };
    expect(trafficLight({ ...base, expected: 50, actual: 30 }, strict)).toBe('red');
    expect(trafficLight({ ...base, expected: 50, actual: 45 }, strict)).toBe('yellow');
    expect(trafficLight({ ...base, today: day('2024-06-16') }, strict)).toBe('yellow');
    expect(trafficLight({ ...base, today: day('2024-06-15') }, strict)).toBe('green');
  });
});

describe('assessSchedule', () => {
  it('explains a red light with every red reason', () => {
    expect(
      assessSchedule({
        status: 'IN_PROGRESS',
        deadline: day('2024-06-30'),
        today: day('2024-07-03'),
        expected: 100,
        actual: 60,
        reportMissed: true,
      }),
    ).toEqual({ light: 'red', reasons: ['overdue', 'severeLag'], lagPoints: 40, daysLeft: -3 });
  });

  it('explains a yellow light with every yellow reason', () => {
    expect(
      assessSchedule({
        status: 'ACKNOWLEDGED',
        deadline: day('2024-06-30'),
        today: day('2024-06-25'),
        expected: 95,
        actual: 80,
        reportMissed: true,
      }),
    ).toEqual({ light: 'yellow', reasons: ['dueSoon', 'lag', 'reportMissed'], lagPoints: 15, daysLeft: 5 });
  });

  it('gives no reasons for green and "closed" for done', () => {
    const input = { deadline: day('2024-06-30'), today: day('2024-01-10'), expected: 5, actual: 5, reportMissed: false };
    expect(assessSchedule({ ...input, status: 'IN_PROGRESS' })).toMatchObject({ light: 'green', reasons: [] });
    expect(assessSchedule({ ...input, status: 'CLOSED' })).toMatchObject({ light: 'done', reasons: ['closed'] });
  });
});
