import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberFromIsoDate,
  dayNumberFromYmd,
  isoDateFromDayNumber,
  isoWeekday,
  shanghaiDayNumber,
  shanghaiIsoDate,
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
