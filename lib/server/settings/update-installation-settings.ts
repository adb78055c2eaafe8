import 'server-only';
import { installationSettingsSchema } from '@/lib/core/schemas/settings';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { notFound, parseInput } from '@/lib/server/errors';
import { readInstallationSettings, SETTING_KEYS } from '@/lib/server/settings/installation-settings';

/** 督查室 sets the county name and pins (or unpins) the working year. */
export async function updateInstallationSettings({ user, input, ip }: { user: SessionUser; input: unknown; ip: string | null }) {
  if (!can(user, 'settings.manage')) throw notFound();
  const { countyName, workingYear } = parseInput(installationSettingsSchema, input);
  await db.$transaction(async (tx) => {
    const before = await readInstallationSettings(tx);
    await tx.setting.upsert({ where: { key: SETTING_KEYS.countyName }, create: { key: SETTING_KEYS.countyName, value: countyName }, update: { value: countyName } });
    if (workingYear === null) await tx.setting.deleteMany({ where: { key: SETTING_KEYS.workingYear } });
    else await tx.setting.upsert({ where: { key: SETTING_KEYS.workingYear }, create: { key: SETTING_KEYS.workingYear, value: workingYear }, update: { value: workingYear } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'setting.update',
      entity: 'Setting',
      entityId: 'installation',
      before: { countyName: before.countyName, workingYear: before.workingYearPinned ? before.workingYear : null },
      after: { countyName, workingYear },
      ip,
    });
  });
}
