import 'server-only';
import { notifySettingsSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput } from '@/lib/server/errors';
import { NOTIFY_SETTING_KEY } from '@/lib/server/notifications/notify-settings';

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
