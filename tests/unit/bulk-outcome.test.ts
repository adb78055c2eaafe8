import { describe, expect, it } from 'vitest';
import { bulkSummary } from '@/lib/core/bulk/outcome';

describe('bulkSummary', () => {
  it('says how many went through', () => {
    expect(bulkSummary('已通过', { done: 3, failed: [] })).toBe('已通过 3 项');
  });

  it('names each refusal with its reason, and what was left alone', () => {
    expect(
      bulkSummary('生成并下发', {
        done: 2,
        skipped: { count: 4, reason: '已下发' },
        failed: [{ label: '发改局', message: '草稿生成后任务已有变化' }],
      }),
    ).toBe('生成并下发 2 项；4 项已下发，未改动；1 项未处理：发改局（草稿生成后任务已有变化）');
  });
});
