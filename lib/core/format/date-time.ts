import { formatInShanghai, shanghaiDayNumber, ymdFromDayNumber } from '@/lib/core/schedule/calendar-day';

/** 'YYYY-MM-DD HH:mm' on the Asia/Shanghai clock, whatever the server's time zone. */
export function formatShanghaiDateTime(instant: Date): string {
  return formatInShanghai(instant, 'yyyy-MM-dd HH:mm');
}

/** '2024年3月5日': the Asia/Shanghai calendar day of an instant, as letters and ledgers write it. */
export function formatChineseDate(instant: Date): string {
  const { year, month, day } = ymdFromDayNumber(shanghaiDayNumber(instant));
  return `${year}年${month}月${day}日`;
}
