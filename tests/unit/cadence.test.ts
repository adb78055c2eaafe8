import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CADENCE_LABELS,
  currentPeriod,
  missedReportPeriod,
  parsePeriodKey,
  periodDays,
  periodKey,
  periodLabel,
  previousPeriod,
  type LastReportInput,
} from '@/lib/core/schedule/cadence';
import { dayNumberFromIsoDate, isoDateFromDayNumber } from '@/lib/core/schedule/calendar-day';

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

const isoRange = (key: string) => {
  const days = periodDays(key);
  return days && [isoDateFromDayNumber(days.firstDay), isoDateFromDayNumber(days.lastDay)];
};

describe('labels', () => {
  it('names the cadences', () => {
    expect(CADENCE_LABELS).toEqual({ WEEKLY: '周调度', MONTHLY: '月报', MILESTONE: '按节点' });
  });
});

describe('periodKey', () => {
  it.each([
    ['2024-02-12', '2024-W07'], // Monday
    ['2024-02-18', '2024-W07'], // Sunday, same week
    ['2024-02-19', '2024-W08'],
    ['2024-01-01', '2024-W01'], // a Monday: week 1 starts on New Year's Day
    ['2024-12-30', '2025-W01'], // belongs to next year's week 1
    ['2021-01-01', '2020-W53'], // belongs to last year's week 53
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2023-01-01', '2022-W52'],
  ])('WEEKLY %s → %s', (date, key) => {
    expect(periodKey('WEEKLY', day(date))).toBe(key);
  });

  it('uses the Shanghai calendar day', () => {
    // 2024-02-18T16:00Z is Monday 2024-02-19 00:00 in Shanghai.
    expect(periodKey('WEEKLY', new Date('2024-02-18T16:00:00Z'))).toBe('2024-W08');
    expect(periodKey('WEEKLY', new Date('2024-02-18T15:59:59Z'))).toBe('2024-W07');
    expect(periodKey('MONTHLY', new Date('2024-03-31T16:00:00Z'))).toBe('2024-04');
    expect(periodKey('MONTHLY', new Date('2024-03-31T15:59:59Z'))).toBe('2024-03');
  });

  it('gives months and milestones', () => {
    expect(periodKey('MONTHLY', day('2024-03-15'))).toBe('2024-03');
    expect(periodKey('MONTHLY', day('2024-12-31'))).toBe('2024-12');
    expect(periodKey('MILESTONE', day('2024-03-15'))).toBe('milestone');
    expect(currentPeriod('MONTHLY', day('2024-11-02'))).toBe('2024-11');
  });
});

describe('parsePeriodKey / periodLabel', () => {
  it.each([
    ['2024-W07', '2024年第7周'],
    ['2024-W52', '2024年第52周'],
    ['2020-W53', '2020年第53周'],
    ['2024-03', '2024年3月'],
    ['2024-12', '2024年12月'],
    ['milestone', '按节点'],
  ])('%s → %s', (key, label) => {
    expect(periodLabel(key)).toBe(label);
  });

  it.each(['2024-W53', '2024-W00', '2024-W7', '2024-13', '2024-00', '2024-3', 'abc', ''])(
    'rejects %j and shows it as-is',
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
      expect(periodLabel(key)).toBe(key);
    },
  );

  it('parses into parts', () => {
    expect(parsePeriodKey('2024-W07')).toEqual({ cadence: 'WEEKLY', year: 2024, week: 7 });
    expect(parsePeriodKey('2024-03')).toEqual({ cadence: 'MONTHLY', year: 2024, month: 3 });
    expect(parsePeriodKey('milestone')).toEqual({ cadence: 'MILESTONE' });
  });
});

describe('periodDays', () => {
  it.each([
    ['2024-W07', ['2024-02-12', '2024-02-18']],
    ['2024-W01', ['2024-01-01', '2024-01-07']],
    ['2025-W01', ['2024-12-30', '2025-01-05']],
    ['2020-W53', ['2020-12-28', '2021-01-03']],
    ['2024-02', ['2024-02-01', '2024-02-29']],
    ['2023-02', ['2023-02-01', '2023-02-28']],
    ['2024-12', ['2024-12-01', '2024-12-31']],
  ])('%s spans %j', (key, range) => {
    expect(isoRange(key)).toEqual(range);
  });

  it('is null for milestone and malformed keys', () => {
    expect(periodDays('milestone')).toBeNull();
    expect(periodDays('2024-W60')).toBeNull();
  });

  it('always contains the day the key was made from (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom('WEEKLY' as const, 'MONTHLY' as const), (d, cadence) => {
        const date = day(isoDateFromDayNumber(d));
        const days = periodDays(periodKey(cadence, date));
        expect(days).not.toBeNull();
        expect(days!.firstDay).toBeLessThanOrEqual(d);
        expect(days!.lastDay).toBeGreaterThanOrEqual(d);
        if (cadence === 'WEEKLY') expect(days!.lastDay - days!.firstDay).toBe(6);
      }),
    );
  });
});

describe('previousPeriod', () => {
  it.each<['WEEKLY' | 'MONTHLY', string, string]>([
    ['WEEKLY', '2024-02-12', '2024-W06'],
    ['WEEKLY', '2024-02-18', '2024-W06'],
    ['WEEKLY', '2024-01-03', '2023-W52'],
    ['WEEKLY', '2021-01-05', '2020-W53'],
    ['WEEKLY', '2025-01-01', '2024-W52'], // today is in 2025-W01 (from 2024-12-30)
    ['MONTHLY', '2024-01-15', '2023-12'],
    ['MONTHLY', '2024-03-31', '2024-02'],
    ['MONTHLY', '2024-03-01', '2024-02'],
  ])('%s on %s → %s', (cadence, today, expected) => {
    expect(previousPeriod(cadence, day(today))).toBe(expected);
  });

  it('is null for milestone cadence', () => {
    expect(previousPeriod('MILESTONE', day('2024-03-01'))).toBeNull();
  });

  it('ends the day before the current period starts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom('WEEKLY' as const, 'MONTHLY' as const), (d, cadence) => {
        const today = day(isoDateFromDayNumber(d));
        const current = periodDays(currentPeriod(cadence, today))!;
        const previous = periodDays(previousPeriod(cadence, today)!)!;
        expect(previous.lastDay).toBe(current.firstDay - 1);
      }),
    );
  });
});

describe('missedReportPeriod (the due rule)', () => {
  const weekly: LastReportInput = {
    cadence: 'WEEKLY',
    startDate: day('2024-02-01'), // Thursday of W05
    today: day('2024-02-14'), // Wednesday of W07; previous is W06 (02-05..02-11)
    lastReportAt: null,
    status: 'IN_PROGRESS',
  };
  const missed = (overrides: Partial<LastReportInput>) => missedReportPeriod({ ...weekly, ...overrides }) !== null;

  it('is true when the previous full week has no report', () => {
    expect(missed({})).toBe(true);
    expect(missedReportPeriod(weekly)).toBe('2024-W06');
    expect(missed({ lastReportAt: day('2024-02-02') })).toBe(true); // reported in W05
  });

  it('is false when the previous week was reported, or reported late this week', () => {
    expect(missed({ lastReportAt: day('2024-02-06') })).toBe(false);
    expect(missed({ lastReportAt: day('2024-02-05') })).toBe(false); // its first day
    expect(missed({ lastReportAt: day('2024-02-13') })).toBe(false); // 补报 in W07
  });

  it('owes nothing for a week the task started part-way through', () => {
    expect(missed({ startDate: day('2024-02-07') })).toBe(false); // Wednesday of W06
    expect(missed({ startDate: day('2024-02-11') })).toBe(false); // Sunday of W06
    expect(missed({ startDate: day('2024-02-05') })).toBe(true); // Monday of W06: full week
    expect(missed({ startDate: new Date('2024-02-04T16:00:00Z') })).toBe(true); // Monday 00:00 Shanghai
    expect(missed({ startDate: new Date('2024-02-05T16:00:00Z') })).toBe(false); // Tuesday in Shanghai
  });

  it('owes nothing before the first full week has passed', () => {
    expect(missed({ startDate: day('2024-02-12'), today: day('2024-02-18') })).toBe(false);
    expect(missed({ startDate: day('2024-02-12'), today: day('2024-02-19') })).toBe(true);
    expect(missed({ startDate: day('2024-03-01'), today: day('2024-02-14') })).toBe(false); // not started
  });

  it('only applies while the task is being worked on', () => {
    expect(missed({ status: 'ASSIGNED' })).toBe(true);
    expect(missed({ status: 'ACKNOWLEDGED' })).toBe(true);
    expect(missed({ status: 'CLOSURE_REQUESTED' })).toBe(false);
    expect(missed({ status: 'CLOSED' })).toBe(false);
  });

  it('never applies to milestone cadence', () => {
    expect(missed({ cadence: 'MILESTONE' })).toBe(false);
  });

  it('checks the previous full month for monthly cadence', () => {
    const monthly = { ...weekly, cadence: 'MONTHLY' as const, startDate: day('2024-03-15') };
    expect(missedReportPeriod({ ...monthly, today: day('2024-04-10') })).toBeNull(); // March not full
    expect(missedReportPeriod({ ...monthly, today: day('2024-05-01') })).toBe('2024-04'); // April owed
    expect(missedReportPeriod({ ...monthly, today: day('2024-05-31'), lastReportAt: day('2024-04-20') })).toBeNull();
    // Start on 1 April at Shanghai midnight makes April a full month.
    expect(missedReportPeriod({ ...monthly, startDate: new Date('2024-03-31T16:00:00Z'), today: day('2024-05-01') })).toBe('2024-04');
    expect(dayNumberFromIsoDate('2024-04-01')).toBe(periodDays('2024-04')!.firstDay);
  });
});
