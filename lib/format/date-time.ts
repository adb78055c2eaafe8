import { SHANGHAI_UTC_OFFSET_MINUTES } from '@/lib/schedule/calendar-day';

/** 'YYYY-MM-DD HH:mm' on the Asia/Shanghai clock, whatever the server's time zone. */
export function formatShanghaiDateTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}
