import 'server-only';
import { generateOneTimePassword } from '@/lib/core/auth/one-time-password';
import { credentialsSchema } from '@/lib/server/auth/sign-in';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { hashPassword } from '@/lib/server/auth/hash-password';
import type { Db } from '@/lib/server/db';
import { readInstallationSettings, SETTING_KEYS } from '@/lib/server/settings/installation-settings';

/** Why a database cannot become a real installation; printed by `npm run setup`. */
export class InstallationRefused extends Error {}

export type SetUpResult =
  | { status: 'installed'; username: string; oneTimePassword: string | null }
  | { status: 'already-installed'; at: string };

/**
 * Makes an empty, migrated database a real installation: marks it (Setting `installation`), stores
 * the county name, and creates the one first administrator, who must change the password at the
 * first sign-in. Runs once: on an installed database it changes nothing; a database holding any
 * data (the demo above all) is refused, so nothing from the demo can end up in a real county.
 */
export async function setUpInstallation(
  client: Db,
  options: { username: string; password?: string; countyName: string; now?: Date },
): Promise<SetUpResult> {
  const { username } = credentialsSchema.pick({ username: true }).parse({ username: options.username });
  const countyName = options.countyName.trim();
  if (!countyName) throw new InstallationRefused('请用 LUOSHI_COUNTY_NAME 给出县（区）名称');
  const oneTimePassword = options.password ? null : generateOneTimePassword();
  const passwordHash = await hashPassword(options.password ?? oneTimePassword!);
  const at = (options.now ?? new Date()).toISOString();

  return client.$transaction(async (tx) => {
    const { installation } = await readInstallationSettings(tx);
    if (installation?.kind === 'real') return { status: 'already-installed', at: installation.at };
    if (installation?.kind === 'demo') {
      throw new InstallationRefused('此数据库装的是演示数据（npm run demo），不能作为正式安装。请换一个新的空数据库。');
    }
    const [users, units, plans, tasks] = await Promise.all([tx.user.count(), tx.unit.count(), tx.plan.count(), tx.task.count()]);
    if (users + units + plans + tasks > 0) {
      throw new InstallationRefused(
        `数据库不是空的（${users} 个用户、${units} 个单位、${plans} 个计划、${tasks} 项任务），可能装过演示数据，不能作为正式安装。请换一个新的空数据库。`,
      );
    }
    // The primary key on Setting.key makes a concurrent second setup fail instead of installing twice.
    await tx.setting.create({ data: { key: SETTING_KEYS.installation, value: { kind: 'real', at } } });
    await tx.setting.create({ data: { key: SETTING_KEYS.countyName, value: countyName } });
    const admin = await tx.user.create({
      data: { username, name: '系统管理员', title: '督查室', role: 'ADMIN', unitId: null, passwordHash, mustChangePassword: true },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      action: 'installation.setup',
      entity: 'User',
      entityId: admin.id,
      after: { username, role: 'ADMIN', mustChangePassword: true, countyName },
    });
    return { status: 'installed', username, oneTimePassword };
  });
}
