import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatShanghaiDateTime } from '@/lib/core/format/date-time';

describe('formatShanghaiDateTime', () => {
  it('shows the Shanghai wall clock, crossing the date line at 16:00 UTC', () => {
    expect(formatShanghaiDateTime(new Date('2024-06-12T02:05:59Z'))).toBe('2024-06-12 10:05');
    expect(formatShanghaiDateTime(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01 00:00');
  });
});

describe('formatChineseDate', () => {
  it('writes the Shanghai calendar day in Chinese', () => {
    expect(formatChineseDate(new Date('2024-03-05T02:00:00Z'))).toBe('2024年3月5日');
    // 23:30 UTC on 31 December is already 1 January in Shanghai.
    expect(formatChineseDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025年1月1日');
  });
});
