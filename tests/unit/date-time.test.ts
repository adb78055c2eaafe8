import { describe, expect, it } from 'vitest';
import { formatShanghaiDateTime } from '@/lib/format/date-time';

describe('formatShanghaiDateTime', () => {
  it('shows the Shanghai wall clock, crossing the date line at 16:00 UTC', () => {
    expect(formatShanghaiDateTime(new Date('2024-06-12T02:05:59Z'))).toBe('2024-06-12 10:05');
    expect(formatShanghaiDateTime(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01 00:00');
  });
});
