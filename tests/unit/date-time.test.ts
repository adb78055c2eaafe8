import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { formatInShanghai } from '@/lib/core/schedule/calendar-day';

describe('formatShanghaiDateTime', () => {
  it('shows the Shanghai wall clock, crossing the date line at 16:00 UTC', () => {
    expect(formatShanghaiDateTime(new Date('2024-06-12T02:05:59Z'))).toBe('2024-06-12 10:05');
    expect(formatShanghaiDateTime(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01 00:00');
    expect(formatShanghaiDateTime(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02 00:30'); // summer time, UTC+9
  });

  it('writes what date-fns writes in the time zone, at any instant from 1850 to 2100', () => {
    const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(fc.property(instant, (at) => formatShanghaiDateTime(at) === formatInShanghai(at, 'yyyy-MM-dd HH:mm')), { numRuns: 3000 });
  });

  it('refuses an invalid date', () => {
    expect(() => formatShanghaiDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('writes the Shanghai calendar day in Chinese', () => {
    expect(formatChineseDate(new Date('2024-03-05T02:00:00Z'))).toBe('2024年3月5日');
    // 23:30 UTC on 31 December is already 1 January in Shanghai.
    expect(formatChineseDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025年1月1日');
  });
});
