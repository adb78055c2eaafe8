import fc from 'fast-check';
import { TZDate, tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  dayNumberFromIsoDate,
  dayNumberFromYmd,
  isoDateFromDayNumber,
  isoWeekday,
  shanghaiDayNumber,
  shanghaiIsoDate,
  shanghaiMidnight,
  shanghaiOffsetMinutes,
  shanghaiYear,
} from '@/lib/core/schedule/calendar-day';

describe('shanghaiDayNumber / shanghaiIsoDate', () => {
  it('counts days from 1970-01-01 in UTC+8', () => {
    expect(shanghaiDayNumber(new Date('1970-01-01T00:00:00+08:00'))).toBe(0);
    expect(shanghaiDayNumber(new Date('1970-01-01T00:00:00Z'))).toBe(0); // 08:00 in Shanghai
    expect(shanghaiDayNumber(new Date('1969-12-31T16:00:00Z'))).toBe(0); // Shanghai midnight
    expect(shanghaiDayNumber(new Date('1969-12-31T15:59:59.999Z'))).toBe(-1);
  });

  it('puts the Shanghai day boundary at 16:00 UTC', () => {
    expect(shanghaiIsoDate(new Date('2024-06-30T15:59:59.999Z'))).toBe('2024-06-30');
    expect(shanghaiIsoDate(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01');
  });

  it('maps both date-only storage conventions to the intended day', () => {
    expect(shanghaiIsoDate(new Date('2024-06-30T00:00:00Z'))).toBe('2024-06-30'); // @db.Date
    expect(shanghaiIsoDate(new Date('2024-06-30T00:00:00+08:00'))).toBe('2024-06-30'); // Shanghai midnight
    expect(shanghaiIsoDate(new Date('2024-06-30T23:59:59+08:00'))).toBe('2024-06-30');
  });

  it('rejects invalid dates', () => {
    expect(() => shanghaiDayNumber(new Date('nope'))).toThrow(RangeError);
  });

  it('starts the Shanghai year at 16:00 UTC on 31 December', () => {
    expect(shanghaiYear(new Date('2024-12-31T15:59:59.999Z'))).toBe(2024);
    expect(shanghaiYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
  });
});

describe('shanghaiOffsetMinutes (kept per UTC hour)', () => {
  const HOUR = 3_600_000;
  const offsetAt = (ms: number) => tzOffset('Asia/Shanghai', new Date(ms));

  it('finds every change of the offset since 1901 on a whole UTC hour', () => {
    const hourStarts: string[] = [];
    for (let day = Date.UTC(1901, 0, 1); day < Date.UTC(2101, 0, 1); day += 24 * HOUR) {
      if (offsetAt(day) === offsetAt(day + 24 * HOUR - 1)) continue;
      for (let hour = day; hour < day + 24 * HOUR; hour += HOUR) {
        expect(offsetAt(hour + HOUR - 1), new Date(hour).toISOString()).toBe(offsetAt(hour));
        if (offsetAt(hour) !== offsetAt(hour - 1)) hourStarts.push(new Date(hour).toISOString());
      }
    }
    // The summer times of 1919, 1940–1949 and 1986–1991: 28 changes in the database as of 2026.
    expect(hourStarts).toContain('1986-05-03T18:00:00.000Z');
    expect(hourStarts).toContain('1991-09-14T17:00:00.000Z');
    expect(hourStarts.length).toBeGreaterThanOrEqual(28);
  });

  it('equals the time-zone database at any instant, local mean time before 1901 included', () => {
    const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(fc.property(instant, (ms) => shanghaiOffsetMinutes(ms) === offsetAt(ms)), { numRuns: 2000 });
    for (const ms of [Date.UTC(1900, 11, 31, 15, 54, 16), Date.UTC(1900, 11, 31, 15, 54, 18), Date.UTC(1986, 4, 3, 18) - 1, Date.UTC(1986, 4, 3, 18)]) {
      expect(shanghaiOffsetMinutes(ms), new Date(ms).toISOString()).toBe(offsetAt(ms));
    }
  });

  it('puts every midnight where TZDate does, 1850–2100, summer time and skipped midnights included', () => {
    const wrong: string[] = [];
    for (let day = dayNumberFromYmd(1850, 1, 1); day < dayNumberFromYmd(2101, 1, 1); day++) {
      const date = isoDateFromDayNumber(day);
      const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
      if (shanghaiMidnight(day).getTime() !== new TZDate(year, month - 1, dayOfMonth, 'Asia/Shanghai').getTime()) wrong.push(date);
    }
    expect(wrong).toEqual([]);
    expect(shanghaiMidnight(dayNumberFromIsoDate('1940-06-01')).toISOString()).toBe('1940-05-31T16:00:00.000Z'); // 00:00 skipped: 01:00 (UTC+9)
    expect(shanghaiMidnight(dayNumberFromIsoDate('1988-07-02')).toISOString()).toBe('1988-07-01T15:00:00.000Z');
    expect(shanghaiMidnight(dayNumberFromIsoDate('2024-07-01')).toISOString()).toBe('2024-06-30T16:00:00.000Z');
  });

  it('counts calendar days in summer time (UTC+9 in 1988)', () => {
    expect(shanghaiIsoDate(new Date('1988-07-01T14:59:59.999Z'))).toBe('1988-07-01');
    expect(shanghaiIsoDate(new Date('1988-07-01T15:00:00Z'))).toBe('1988-07-02');
  });
});

describe('ISO date strings', () => {
  it('round-trips day numbers', () => {
    expect(isoDateFromDayNumber(0)).toBe('1970-01-01');
    expect(isoDateFromDayNumber(19_782)).toBe('2024-02-29');
    expect(dayNumberFromIsoDate('2024-02-29')).toBe(19_782);
    expect(dayNumberFromIsoDate('2024-03-01')).toBe(19_783);
  });

  it('handles years before 100 without the Date.UTC 19xx remap', () => {
    expect(isoDateFromDayNumber(dayNumberFromYmd(50, 1, 1))).toBe('0050-01-01');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => dayNumberFromIsoDate('2023-02-29')).toThrow('日期不存在');
    expect(() => dayNumberFromIsoDate('2024-13-01')).toThrow(RangeError);
    expect(() => dayNumberFromIsoDate('2024-3-1')).toThrow('YYYY-MM-DD');
    expect(() => dayNumberFromIsoDate('2024-03-01T00:00:00Z')).toThrow(RangeError);
  });

  it('round-trips any day in 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (day) => {
        expect(dayNumberFromIsoDate(isoDateFromDayNumber(day))).toBe(day);
      }),
    );
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01 Thursday
    expect(isoWeekday(dayNumberFromIsoDate('2024-02-12'))).toBe(1); // Monday
    expect(isoWeekday(dayNumberFromIsoDate('2024-02-18'))).toBe(7); // Sunday
    expect(isoWeekday(-1)).toBe(3); // 1969-12-31 Wednesday
    expect(isoWeekday(-4)).toBe(7); // 1969-12-28 Sunday
  });
});
