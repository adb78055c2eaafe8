// Account lockout rule, pure so it can be tested with exact times.
export const LOCKOUT_POLICY = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

/**
 * `failures` are the times of recent failed attempts, newest first. The account is locked when the
 * last `maxFailures` failures fall within `windowMs`, until `lockMs` after the newest of them.
 */
export function lockoutState(failures: Date[], now: Date, policy = LOCKOUT_POLICY) {
  if (failures.length < policy.maxFailures) return { locked: false as const };
  const newest = failures[0]!;
  const oldest = failures[policy.maxFailures - 1]!;
  if (newest.getTime() - oldest.getTime() > policy.windowMs) return { locked: false as const };
  const until = newest.getTime() + policy.lockMs;
  if (now.getTime() >= until) return { locked: false as const };
  return { locked: true as const, until: new Date(until), minutesLeft: Math.ceil((until - now.getTime()) / 60_000) };
}
