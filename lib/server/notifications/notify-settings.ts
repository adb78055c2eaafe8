import 'server-only';
import { parseClock } from '@/lib/core/notify/delivery-schedule';
import { notifySettingsSchema } from '@/lib/core/schemas/notify';
import type { Db, Tx } from '@/lib/server/db';

export const NOTIFY_SETTING_KEY = 'notify';

export type NotifySettings = {
  /** Links in messages start here. NEXTAUTH_URL until the office sets it. */
  baseUrl: string;
  baseUrlPinned: boolean;
  /** Minutes after midnight (Asia/Shanghai) from which the day's digests go out. */
  digestMinute: number;
  urgentKinds: string[];
  urgentOverridesQuietHours: boolean;
};

export async function readNotifySettings(client: Db | Tx): Promise<NotifySettings> {
  const row = await client.setting.findUnique({ where: { key: NOTIFY_SETTING_KEY } });
  return notifySettingsFrom(row?.value);
}

/** The settings from the stored value of the NOTIFY_SETTING_KEY row (absent or invalid: the defaults). */
export function notifySettingsFrom(value: unknown): NotifySettings {
  const stored = notifySettingsSchema.safeParse(value);
  const fallbackUrl = (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!stored.success) return { baseUrl: fallbackUrl, baseUrlPinned: false, digestMinute: 8 * 60, urgentKinds: ['supervision.supervise', 'supervision.escalated'], urgentOverridesQuietHours: true };
  return {
    baseUrl: stored.data.baseUrl || fallbackUrl,
    baseUrlPinned: stored.data.baseUrl !== '',
    digestMinute: parseClock(stored.data.digestTime)!,
    urgentKinds: stored.data.urgentKinds,
    urgentOverridesQuietHours: stored.data.urgentOverridesQuietHours,
  };
}
