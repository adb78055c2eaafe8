import { describe, expect, test } from 'vitest';
import { lockoutState } from '@/lib/core/auth/lockout';

const at = (minute: number) => new Date(Date.UTC(2024, 2, 1, 8, minute));
const newestFirst = (...minutes: number[]) => minutes.map(at).sort((a, b) => b.getTime() - a.getTime());

describe('lockoutState', () => {
  test('four failures do not lock', () => {
    expect(lockoutState(newestFirst(0, 1, 2, 3), at(4)).locked).toBe(false);
  });
  test('five failures within 15 minutes lock for 15 minutes after the last', () => {
    const state = lockoutState(newestFirst(0, 2, 4, 6, 8), at(9));
    expect(state).toEqual({ locked: true, until: at(23), minutesLeft: 14 });
  });
  test('the lock ends 15 minutes after the newest failure', () => {
    expect(lockoutState(newestFirst(0, 2, 4, 6, 8), at(22)).locked).toBe(true);
    expect(lockoutState(newestFirst(0, 2, 4, 6, 8), at(23)).locked).toBe(false);
  });
  test('five failures spread over more than 15 minutes do not lock', () => {
    expect(lockoutState(newestFirst(0, 4, 8, 12, 16), at(17)).locked).toBe(false);
  });
});
