// npm run restore -- ARCHIVE: into an empty database (the embedded one in a new LUOSHI_PG_DIR, or
// an empty DATABASE_URL) and empty file locations; then run `npm run verify`. Runs as the owner
// (DATABASE_OWNER_URL when set) and gives the application's role its grants afterwards.
import { applyAppRoleGrants, appRoleToGrant, ownerDatabaseUrl } from '../lib/platform/db/app-role';
import { restoreBackup, tableRowCounts } from '../lib/platform/backup/backup';
import { deployMigrations, installationPaths } from '../lib/platform/backup/installation-paths';

const archive = process.argv[2];
if (!archive) {
  console.error('用法 / usage: npm run restore -- data/backups/luoshi-backup-<时间>.tar.gz');
  process.exit(2);
}
const databaseUrl = ownerDatabaseUrl();
try {
  const manifest = await restoreBackup({ archive, databaseUrl, paths: installationPaths(), migrate: () => deployMigrations(databaseUrl) });
  const counts = await tableRowCounts(databaseUrl);
  const differing = Object.entries(manifest.tables).filter(([table, n]) => counts[table] !== n);
  if (differing.length > 0) throw new Error(`行数不一致：${differing.map(([table]) => table).join(', ')}`);
  const appRole = appRoleToGrant();
  if (appRole) await applyAppRoleGrants(databaseUrl, appRole);
  console.log(`恢复完成 / restored ${archive} (backup of ${manifest.createdAt}); now run: npm run verify`);
} catch (error) {
  console.error(`恢复失败 / restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
