import { shanghaiDayNumber, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';

const MINUTE_MS = 60_000;

/** Minutes to wait after the n-th failed attempt (1-based); after the last, the message is FAILED. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 15, 60] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;

/** When to try again after `attempts` failed attempts, or null: give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const wait = RETRY_BACKOFF_MINUTES[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * MINUTE_MS);
}

/** A claimed message not recorded within this time belongs to a worker that stopped. */
export const SENDING_LEASE_MS = 5 * MINUTE_MS;

export type QuietHours = { start: number; end: number }; // minutes after midnight, Asia/Shanghai

/** Minutes after Shanghai midnight of an instant. */
function shanghaiMinuteOfDay(instant: Date) {
  return Math.floor((instant.getTime() - shanghaiMidnight(shanghaiDayNumber(instant)).getTime()) / MINUTE_MS);
}

/**
 * When an SMS may go out: now, or the end of the recipient's quiet hours (which may span midnight,
 * e.g. 22:00–07:00). Urgent kinds go now when the office lets them override quiet hours.
 */
export function smsDeliveryTime(now: Date, quiet: QuietHours, overrides: boolean): Date {
  if (overrides || quiet.start === quiet.end) return now;
  const minute = shanghaiMinuteOfDay(now);
  const spansMidnight = quiet.start > quiet.end;
  const inQuiet = spansMidnight ? minute >= quiet.start || minute < quiet.end : minute >= quiet.start && minute < quiet.end;
  if (!inQuiet) return now;
  const today = shanghaiDayNumber(now);
  const endDay = spansMidnight && minute >= quiet.start ? today + 1 : today;
  return new Date(shanghaiMidnight(endDay).getTime() + quiet.end * MINUTE_MS);
}

/** "HH:MM" ↔ minutes after midnight. */
export function parseClock(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
export function formatClock(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether today's digest is due: the Shanghai time is past the configured time. */
export function digestDue(now: Date, digestMinute: number) {
  return shanghaiMinuteOfDay(now) >= digestMinute;
}
