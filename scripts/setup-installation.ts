// `npm run setup`, after generate and migrate: makes this database a real installation with one
// first administrator (see lib/server/installation/set-up-installation.ts). No demo data.
//   LUOSHI_COUNTY_NAME      the county name (required; the office can change it later in 系统设置)
//   LUOSHI_ADMIN_USERNAME   the administrator's account name (default admin)
//   LUOSHI_ADMIN_PASSWORD   their first password; without it a one-time password is printed once
// Run with `--conditions=react-server` (see package.json).
import { db } from '@/lib/server/db';
import { InstallationRefused, setUpInstallation } from '@/lib/server/installation/set-up-installation';

async function main() {
  const countyName = process.env.LUOSHI_COUNTY_NAME?.trim();
  if (!countyName) {
    throw new InstallationRefused('请设置 LUOSHI_COUNTY_NAME（县/区名称），例如：LUOSHI_COUNTY_NAME=某某县 npm run setup');
  }
  const result = await setUpInstallation(db, {
    username: process.env.LUOSHI_ADMIN_USERNAME?.trim() || 'admin',
    password: process.env.LUOSHI_ADMIN_PASSWORD || undefined,
    countyName,
  });
  if (result.status === 'already-installed') {
    console.log(`setup: 此数据库已于 ${result.at} 完成安装，未做任何改动。 / already installed; nothing changed.`);
    return;
  }
  console.log(`setup: ${countyName} 已安装。首个管理员账号：${result.username}`);
  if (result.oneTimePassword) {
    console.log(`setup: 一次性密码（只显示这一次）：${result.oneTimePassword}`);
  } else {
    console.log('setup: 密码为 LUOSHI_ADMIN_PASSWORD 所设。');
  }
  console.log('setup: 首次登录后须修改密码。');
}

main()
  .catch((error) => {
    console.error(error instanceof InstallationRefused ? `setup: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
