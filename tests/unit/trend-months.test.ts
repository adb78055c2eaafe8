import { describe, expect, test } from 'vitest';
import { dayNumberFromYmd } from '@/lib/core/schedule/calendar-day';
import { countServesTrendMonth, trendMonths } from '@/lib/core/schedule/trend-months';

const day = (year: number, month: number, date: number) => dayNumberFromYmd(year, month, date);

describe('trendMonths', () => {
  test('the current year: its months up to the running one, which stands at today', () => {
    const today = day(2030, 3, 13);
    const months = trendMonths(2030, today);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3]);
    expect(months.map((m) => m.asOfDay)).toEqual([day(2030, 1, 31), day(2030, 2, 28), today]);
    expect(months.map((m) => m.running)).toEqual([false, false, true]);
  });

  test('a leap February ends on the 29th; a past year has twelve closed months; a year to come none', () => {
    expect(trendMonths(2028, day(2028, 1, 31))[1]).toBeUndefined();
    expect(trendMonths(2028, day(2028, 3, 1))[1]).toEqual({ month: 2, asOfDay: day(2028, 2, 29), running: false });
    const past = trendMonths(2029, day(2030, 1, 1));
    expect(past).toHaveLength(12);
    expect(past.every((m) => !m.running)).toBe(true);
    expect(past[11]!.asOfDay).toBe(day(2029, 12, 31));
    expect(trendMonths(2031, day(2030, 12, 31))).toEqual([]);
  });

  test('on the first of a month the running month stands at that day', () => {
    const months = trendMonths(2030, day(2030, 5, 1));
    expect(months.at(-1)).toEqual({ month: 5, asOfDay: day(2030, 5, 1), running: true });
    expect(months.at(-2)).toEqual({ month: 4, asOfDay: day(2030, 4, 30), running: false });
  });
});

describe('countServesTrendMonth', () => {
  const [january, , march] = trendMonths(2030, day(2030, 3, 13));
  test('a closed month only by a count at its last day', () => {
    expect(countServesTrendMonth(january!, day(2030, 1, 31))).toBe(true);
    // Counted on its last day before it ended, or on any earlier day: not the month's end.
    expect(countServesTrendMonth(january!, day(2030, 1, 30))).toBe(false);
    expect(countServesTrendMonth(january!, day(2030, 2, 1))).toBe(false);
  });

  test('the running month by a count on one of its days up to today', () => {
    expect(countServesTrendMonth(march!, day(2030, 3, 13))).toBe(true);
    expect(countServesTrendMonth(march!, day(2030, 3, 1))).toBe(true);
    expect(countServesTrendMonth(march!, day(2030, 2, 28))).toBe(false);
    expect(countServesTrendMonth(march!, day(2030, 3, 14))).toBe(false);
    expect(countServesTrendMonth(march!, day(2029, 3, 13))).toBe(false);
  });
});
