import { isoDateFromYmd, shanghaiDayNumber, shanghaiOffsetMinutes, ymdFromDayNumber } from '@/lib/core/schedule/calendar-day';

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * 'YYYY-MM-DD HH:mm' on the Asia/Shanghai clock, whatever the server's time zone. Written out from the
 * zone's offset rather than by date-fns `format` (~16 µs a call): lists show dozens of these a page.
 * A test compares the two.
 */
export function formatShanghaiDateTime(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效日期');
  const wall = new Date(ms + shanghaiOffsetMinutes(ms) * 60_000);
  return `${isoDateFromYmd(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate())} ${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`;
}

/** '2024年3月5日': the Asia/Shanghai calendar day of an instant, as letters and ledgers write it. */
export function formatChineseDate(instant: Date): string {
  const { year, month, day } = ymdFromDayNumber(shanghaiDayNumber(instant));
  return `${year}年${month}月${day}日`;
}
