import 'server-only';
import { parseClock } from '@/lib/core/notify/delivery-schedule';
import { notifyPreferenceSchema } from '@/lib/core/schemas/notify';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { parseInput } from '@/lib/server/errors';

/** Each user sets only their own preferences (the session user; no id is taken from the input). */
export async function updateNotifyPreference({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  const parsed = parseInput(notifyPreferenceSchema, input);
  const data = { email: parsed.email || null, emailKinds: parsed.emailKinds, smsKinds: parsed.smsKinds, quietStart: parseClock(parsed.quietStart)!, quietEnd: parseClock(parsed.quietEnd)!, digest: parsed.digest };
  await db.$transaction(async (tx) => {
    const before = await tx.notifyPreference.findUnique({ where: { userId: user.id } });
    await tx.notifyPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
    await recordAuditEvent(tx, { actorId: user.id, action: 'notify.preference.update', entity: 'User', entityId: user.id, before, after: data, ip });
  });
}
