import 'server-only';
import { parseClock } from '@/lib/core/notify/delivery-schedule';
import { notifySettingsSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db, type Db, type Tx } from '@/lib/server/db';
import { notFound, parseInput } from '@/lib/server/errors';

const NOTIFY_SETTING_KEY = 'notify';

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
  const stored = notifySettingsSchema.safeParse(row?.value);
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

/** 督查室 sets the link base URL, the digest time and which kinds may override quiet hours. */
export async function updateNotifySettings({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const value = parseInput(notifySettingsSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: NOTIFY_SETTING_KEY } });
    await tx.setting.upsert({ where: { key: NOTIFY_SETTING_KEY }, create: { key: NOTIFY_SETTING_KEY, value }, update: { value } });
    await recordAuditEvent(tx, { actorId: user.id, action: 'setting.update', entity: 'Setting', entityId: NOTIFY_SETTING_KEY, before: before?.value ?? null, after: value, ip });
  });
}
