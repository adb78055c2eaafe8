import 'server-only';
import type { Db } from '@/lib/server/db';
import { InstallationRefused } from '@/lib/server/installation/set-up-installation';
import { readInstallationSettings, SETTING_KEYS } from '@/lib/server/settings/installation-settings';

/**
 * Run first by the demo seed: refuses a real installation (its accounts and data must never meet
 * the demo's shared password), otherwise marks the database as the demo so `npm run setup`
 * refuses it in turn.
 */
export async function markDemoInstallation(client: Db, now = new Date()) {
  await client.$transaction(async (tx) => {
    const { installation } = await readInstallationSettings(tx);
    if (installation?.kind === 'real') {
      throw new InstallationRefused('此数据库是正式安装（npm run setup），演示数据不能写入。演示请用另一个数据库（npm run demo 默认使用 data/pg）。');
    }
    if (!installation) await tx.setting.create({ data: { key: SETTING_KEYS.installation, value: { kind: 'demo', at: now.toISOString() } } });
  });
}
