import 'server-only';
import { formatClock } from '@/lib/core/notify/delivery-schedule';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';

/** The signed-in user's own outside-channel preferences, and which channels the office has set up. */
export async function getNotifyPreference({ user }: { user: SessionUser }) {
  const [preference, account, channels] = await Promise.all([
    db.notifyPreference.findUnique({ where: { userId: user.id } }),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true } }),
    db.notifyChannel.findMany({ where: { active: true, kind: { in: ['EMAIL', 'SMS'] } }, select: { kind: true } }),
  ]);
  return {
    email: preference?.email ?? '',
    emailKinds: preference?.emailKinds ?? [],
    smsKinds: preference?.smsKinds ?? [],
    quietStart: formatClock(preference?.quietStart ?? 22 * 60),
    quietEnd: formatClock(preference?.quietEnd ?? 7 * 60),
    digest: preference?.digest ?? true,
    phone: account.phone,
    emailAvailable: channels.some((channel) => channel.kind === 'EMAIL'),
    smsAvailable: channels.some((channel) => channel.kind === 'SMS'),
  };
}
